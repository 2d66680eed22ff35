package dev.scopelinks.host.watch;

import dev.scopelinks.spi.ResourceType;

/** Hears how each watched resource's informers fare, for metrics. Called on watch and health threads. */
public interface WatchListener {

    /** Nothing is counted. */
    WatchListener NONE = new WatchListener() {
    };

    /** A list or watch of {@code type} failed (the informer retries with backoff). */
    default void watchFailed(ResourceType type) {
    }

    /** An informer of {@code type} was replaced by a new one, which lists again. */
    default void watchRestarted(ResourceType type) {
    }

    /** An event of {@code type} arrived, at {@code epochMillis}. */
    default void watchEvent(ResourceType type, long epochMillis) {
    }

    /** The longest time any informer of {@code type} has been without a working watch (0 while it works). */
    default void watchAge(ResourceType type, double seconds) {
    }

    /** {@code type} is no longer watched. */
    default void watchDropped(ResourceType type) {
    }
}
