package dev.scopelinks.host.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.host.testing.Eventually;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.standin.StandInCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The host's own informers (fabric8) against the stand-in API server, over chunked HTTP and over WebSocket. */
class InformersAgainstStandInTest {

    private static final ResourceType CONFIG_MAPS = ResourceType.namespaced("", "v1", "configmaps", "ConfigMap");
    private static StandInCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = StandInCluster.start(0);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @ParameterizedTest(name = "HTTP watches: {0}")
    @ValueSource(booleans = {true, false})
    void informersSeeAddedModifiedAndDeletedObjects(boolean httpWatches) throws Exception {
        String namespace = httpWatches ? "over-http" : "over-websocket";
        Events events = new Events();
        try (KubernetesClient client = cluster.newClient(httpWatches);
             ClusterWatcher watcher = new ClusterWatcher(client, List.of(namespace))) {
            cluster.client().configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata()
                    .withName("before").endMetadata().build()).create();
            watcher.watch(Set.of(CONFIG_MAPS), events);
            assertThat(watcher.awaitSynced(Duration.ofSeconds(10))).isTrue();

            cluster.client().configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata()
                    .withName("during").endMetadata().build()).create();
            cluster.client().configMaps().inNamespace(namespace).withName("during")
                    .edit(map -> new ConfigMapBuilder(map).editMetadata().addToLabels("tier", "gold").endMetadata()
                            .build());
            cluster.client().configMaps().inNamespace(namespace).withName("during").delete();

            Eventually.within(Duration.ofSeconds(10), () -> assertThat(events.seen).containsSubsequence(
                    "upsert before", "upsert during", "upsert during tier=gold", "delete during"));
        }
    }

    /** Records what the informers deliver. */
    private static final class Events implements ObjectSink {
        private final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void upsert(ResourceType type, KubeObject object) {
            Map<String, String> labels = object.labels();
            seen.add("upsert " + object.name() + (labels.containsKey("tier") ? " tier=" + labels.get("tier") : ""));
        }

        @Override
        public void delete(ResourceType type, KubeObject object) {
            seen.add("delete " + object.name());
        }
    }
}
