package dev.scopelinks.host.cli;

import dev.scopelinks.host.watch.GenericObjectView;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.ObjectLookup;
import dev.scopelinks.spi.ResourceType;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads single objects from a live cluster for the one-shot commands, and answers providers'
 * look-ups of related objects (a Pod's owner, its Node) by asking the API server: unlike the
 * host's informer cache, nothing is listed up front. A kind is listed only when a provider asks
 * for an object of it by uid, and then only once.
 */
final class ClusterReader implements ObjectLookup {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterReader.class);

    private final KubernetesClient client;
    private final Set<ResourceType> readable;
    private final String namespace;
    private final Map<String, Optional<KubeObject>> byName = new HashMap<>();
    private final Map<ResourceType, List<KubeObject>> listed = new HashMap<>();

    /**
     * @param readable  the kinds providers may look up (what the host would watch); others are never read
     * @param namespace where namespaced kinds are listed for look-ups by uid (owners share the object's namespace)
     */
    ClusterReader(KubernetesClient client, Set<ResourceType> readable, String namespace) {
        this.client = Objects.requireNonNull(client, "client");
        this.readable = Set.copyOf(readable);
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    /**
     * The object the command line names.
     *
     * @throws CommandFailedException when it does not exist or the API server does not answer
     */
    KubeObject get(ResourceType type, String objectNamespace, String name) throws CommandFailedException {
        try {
            GenericKubernetesResource resource = fetch(type, objectNamespace, name);
            if (resource == null) {
                throw new CommandFailedException(qualified(type) + " \"" + name + "\" not found"
                        + (type.namespaced() ? " in namespace " + objectNamespace : ""));
            }
            return new GenericObjectView(resource);
        } catch (KubernetesClientException e) {
            throw new CommandFailedException("cannot read " + qualified(type) + " \"" + name + "\": " + reason(e));
        }
    }

    @Override
    public Optional<KubeObject> byName(ResourceType type, String objectNamespace, String name) {
        if (!readable.contains(type) || name == null || name.isEmpty()) {
            return Optional.empty();
        }
        String key = type + "/" + objectNamespace + "/" + name;
        return byName.computeIfAbsent(key, ignored -> {
            try {
                return Optional.ofNullable(fetch(type, objectNamespace, name)).map(GenericObjectView::new);
            } catch (KubernetesClientException e) {
                unreadable(type, e);
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<KubeObject> byUid(String uid) {
        for (ResourceType type : readable) {
            Optional<KubeObject> found = list(type).stream().filter(object -> uid.equals(object.uid())).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private List<KubeObject> list(ResourceType type) {
        return listed.computeIfAbsent(type, ignored -> {
            try {
                var resources = client.genericKubernetesResources(context(type));
                List<GenericKubernetesResource> items = type.namespaced()
                        ? resources.inNamespace(namespace).list().getItems()
                        : resources.list().getItems();
                return items.stream().<KubeObject>map(GenericObjectView::new).toList();
            } catch (KubernetesClientException e) {
                unreadable(type, e);
                return List.of();
            }
        });
    }

    private GenericKubernetesResource fetch(ResourceType type, String objectNamespace, String name) {
        var resources = client.genericKubernetesResources(context(type));
        return type.namespaced() ? resources.inNamespace(objectNamespace).withName(name).get()
                : resources.withName(name).get();
    }

    /** A look-up that fails leaves the variables it feeds empty: said once, as the links then say why they are off. */
    private void unreadable(ResourceType type, KubernetesClientException e) {
        LOG.atWarn().addKeyValue("resource", type.toString()).addKeyValue("reason", reason(e))
                .log("Cannot read {}; variables taken from it stay empty", qualified(type));
    }

    private static ResourceDefinitionContext context(ResourceType type) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(type.group())
                .withVersion(type.version())
                .withPlural(type.plural())
                .withKind(type.kind())
                .withNamespaced(type.namespaced())
                .build();
    }

    /** {@code deployments.apps}, as kubectl names a resource in its messages. */
    static String qualified(ResourceType type) {
        return type.group().isEmpty() ? type.plural() : type.plural() + "." + type.group();
    }

    /** The API server's own reason (e.g. Forbidden, with its message), or the transport's, without a stack trace. */
    private static String reason(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null) {
            return e.getStatus().getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        // fabric8's own message repeats the operation, kind and name the caller already says.
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
