package dev.scopelinks.host.watch;

import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.ResourceType;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The informers' caches as the report's writer reads them: the latest state of each object. */
public interface ObjectCache {

    /** The cached object of {@code type} with {@code uid} as it is now; empty when it is gone. */
    Optional<KubeObject> cached(ResourceType type, String uid);

    /** Every cached object of {@code type}. */
    void forEachCached(ResourceType type, Consumer<KubeObject> action);

    /** The uids of every cached object of {@code type}. */
    Set<String> cachedUids(ResourceType type);

    /** Whether the cache of {@code type} has been listed in full, so that what it lacks is gone. */
    boolean isSynced(ResourceType type);
}
