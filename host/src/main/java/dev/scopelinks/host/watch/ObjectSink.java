package dev.scopelinks.host.watch;

import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.ResourceType;

/**
 * Receives the watched objects' changes. Called on fabric8's informer threads: must be quick and
 * must not throw (the report's sink only queues the object's uid; see docs/architecture.md).
 */
public interface ObjectSink {

    /** {@code object} of {@code type} was added or changed. */
    void upsert(ResourceType type, KubeObject object);

    /** {@code object} of {@code type} is gone. */
    void delete(ResourceType type, KubeObject object);

    /**
     * The cache of {@code type} was filled anew (a restarted informer, or a re-list for a config
     * that reads more): objects it no longer holds are gone even though no delete was seen.
     */
    default void relisted(ResourceType type) {
    }
}
