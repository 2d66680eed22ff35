package dev.scopelinks.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchHubTest {

    @Test
    void replaysOnlyChangesAfterTheRequestedVersionThenDeliversNewOnes() {
        WatchHub hub = new WatchHub(10);
        hub.publish(event(3));
        hub.publish(event(5));
        List<Long> seen = new ArrayList<>();

        boolean subscribed = hub.subscribe(event -> seen.add(event.resourceVersion()), 3);
        hub.publish(event(8));

        assertThat(subscribed).isTrue();
        assertThat(seen).containsExactly(5L, 8L);
    }

    @Test
    void refusesAVersionOlderThanTheKeptChanges() {
        WatchHub hub = new WatchHub(2);
        for (long version = 1; version <= 5; version++) {
            hub.publish(event(version));
        }
        List<Long> seen = new ArrayList<>();

        assertThat(hub.subscribe(event -> seen.add(event.resourceVersion()), 1)).isFalse();
        assertThat(hub.subscribe(event -> seen.add(event.resourceVersion()), 3)).isTrue();
        assertThat(seen).containsExactly(4L, 5L);
    }

    @Test
    void stopsDeliveringAfterUnsubscribe() {
        WatchHub hub = new WatchHub(10);
        List<Long> seen = new ArrayList<>();
        WatchHub.Subscriber subscriber = event -> seen.add(event.resourceVersion());
        hub.subscribe(subscriber, 0);

        hub.unsubscribe(subscriber);
        hub.publish(event(1));

        assertThat(seen).isEmpty();
    }

    private static StoredEvent event(long version) {
        return new StoredEvent(version, "", "pods", null, null);
    }
}
