package dev.scopelinks.spi;

import java.util.Optional;

/**
 * Read-only access to other objects the host watches, for variables that cross objects
 * ("the Deployment that owns this Pod", "the Node this Pod runs on").
 *
 * <p>Only resources the host watches can be found: the provider's own, and those its
 * {@link LinkProviderFactory#dependsOn(java.util.Set)} returns for the configured templates.
 * Look-ups read the host's in-memory cache and never call the API server; an object that is not
 * (yet) in the cache is simply empty.
 *
 * <p>Example: {@code lookup.byName(NODES, "", pod.field("spec.nodeName").orElse(""))}.
 */
public interface ObjectLookup {

    /**
     * The object of {@code type} named {@code name} in {@code namespace} (empty string when cluster-scoped).
     * Example: {@code byName(OwnerChain.REPLICA_SETS, "shop", "web-7d4f8b")}.
     */
    Optional<KubeObject> byName(ResourceType type, String namespace, String name);

    /** The watched object with this uid, of any declared type. Example: {@code byUid(owner.uid())}. */
    Optional<KubeObject> byUid(String uid);

    /** A look-up that finds nothing, for providers that need none and for tests. Example: {@code ObjectLookup.none()}. */
    static ObjectLookup none() {
        return new ObjectLookup() {
            @Override
            public Optional<KubeObject> byName(ResourceType type, String namespace, String name) {
                return Optional.empty();
            }

            @Override
            public Optional<KubeObject> byUid(String uid) {
                return Optional.empty();
            }
        };
    }
}
