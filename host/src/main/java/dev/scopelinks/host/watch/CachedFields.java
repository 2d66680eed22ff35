package dev.scopelinks.host.watch;

import dev.scopelinks.host.plugin.LoadedProvider;
import dev.scopelinks.spi.ResourceType;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which fields of each resource the informer caches keep. A cached Pod is otherwise the whole
 * object, spec and status included, and at a hundred thousand Pods that is gigabytes; links need a
 * few metadata fields plus what providers declare in {@code fieldsRead()}. Watch events still see
 * whole objects; the reduced copies serve look-ups and re-rendering after a config reload, which
 * is why a provider must declare every field it reads.
 */
public final class CachedFields {

    /** What every cached object keeps (name, namespace and resourceVersion are always kept). */
    public static final List<String> STANDARD = List.of("apiVersion", "kind", "metadata.uid", "metadata.labels",
            "metadata.annotations", "metadata.ownerReferences", "metadata.creationTimestamp");

    private final Map<ResourceType, Set<String>> byResource;

    private CachedFields(Map<ResourceType, Set<String>> byResource) {
        this.byResource = byResource;
    }

    /** Caches keep whole objects. */
    public static CachedFields wholeObjects() {
        return new CachedFields(null);
    }

    /**
     * Caches keep {@link #STANDARD} plus, per resource, the fields read by every installed provider
     * watching it. Independent of the config, so a reload never needs to re-list.
     */
    public static CachedFields declaredBy(Collection<LoadedProvider> providers) {
        Map<ResourceType, Set<String>> fields = new HashMap<>();
        for (LoadedProvider provider : providers) {
            fields.computeIfAbsent(provider.factory().watches(), type -> new LinkedHashSet<>(STANDARD))
                    .addAll(provider.factory().fieldsRead());
        }
        return new CachedFields(fields);
    }

    /** The fields to keep for {@code type}; empty means whole objects. */
    public Optional<List<String>> forResource(ResourceType type) {
        if (byResource == null) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(byResource.getOrDefault(type, new LinkedHashSet<>(STANDARD))));
    }
}
