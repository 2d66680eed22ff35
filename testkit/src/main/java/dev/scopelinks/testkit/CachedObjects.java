package dev.scopelinks.testkit;

import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.ObjectLookup;
import dev.scopelinks.spi.ResourceType;
import java.util.List;
import java.util.Optional;

/**
 * An {@link ObjectLookup} over a fixed list of objects, standing in for the host's informer caches
 * in provider tests. An object matches a {@link ResourceType} by {@code apiVersion} and {@code kind},
 * as the host's caches are kept per resource.
 */
final class CachedObjects implements ObjectLookup {

    private final List<KubeObject> objects;

    CachedObjects(List<KubeObject> objects) {
        this.objects = List.copyOf(objects);
    }

    @Override
    public Optional<KubeObject> byName(ResourceType type, String namespace, String name) {
        String wantedNamespace = type.namespaced() && namespace != null ? namespace : "";
        return objects.stream()
                .filter(object -> object.apiVersion().equals(type.apiVersion()) && object.kind().equals(type.kind()))
                .filter(object -> object.name().equals(name) && object.namespace().orElse("").equals(wantedNamespace))
                .findFirst();
    }

    @Override
    public Optional<KubeObject> byUid(String uid) {
        return objects.stream().filter(object -> object.uid().equals(uid)).findFirst();
    }
}
