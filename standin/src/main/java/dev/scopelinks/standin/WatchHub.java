package dev.scopelinks.standin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Fans the store's changes out to open watches, and keeps the most recent ones so a watch that
 * starts from a resource version gets exactly the changes after it, as from a real API server.
 * A watch from a version older than the kept window is told so (410 Gone, {@code Expired}), which
 * makes clients re-list instead of silently missing changes.
 */
final class WatchHub {

    /** Receives changes; called with the hub's lock held, so it must not block. */
    interface Subscriber {
        void deliver(StoredEvent event);
    }

    private final int capacity;
    private final ArrayDeque<StoredEvent> history = new ArrayDeque<>();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private long compactedThrough;
    private long latest;

    WatchHub(int capacity) {
        this.capacity = capacity;
    }

    synchronized void publish(StoredEvent event) {
        history.addLast(event);
        latest = Math.max(latest, event.resourceVersion());
        if (history.size() > capacity) {
            compactedThrough = history.removeFirst().resourceVersion();
        }
        for (Subscriber subscriber : List.copyOf(subscribers)) {
            subscriber.deliver(event);
        }
    }

    /**
     * Delivers every kept change after {@code fromVersion}, then every new one.
     *
     * @return false when changes after {@code fromVersion} are no longer kept (nothing subscribed)
     */
    synchronized boolean subscribe(Subscriber subscriber, long fromVersion) {
        if (fromVersion < compactedThrough) {
            return false;
        }
        for (StoredEvent event : history) {
            if (event.resourceVersion() > fromVersion) {
                subscriber.deliver(event);
            }
        }
        subscribers.add(subscriber);
        return true;
    }

    synchronized void unsubscribe(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    /** The newest change's resource version, for bookmarks. */
    synchronized long latestVersion() {
        return latest;
    }

    /** The oldest resource version a watch can still start from. */
    synchronized long oldestVersion() {
        return compactedThrough;
    }
}
