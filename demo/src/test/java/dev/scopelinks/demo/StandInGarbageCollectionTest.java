package dev.scopelinks.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.host.testing.Eventually;
import dev.scopelinks.standin.StandInCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StandInGarbageCollectionTest {

    @Test
    void deletingADeploymentRemovesItsReplicaSetAndPods() throws Exception {
        try (StandInCluster cluster = StandInCluster.start(0)) {
            KubernetesClient client = cluster.client();
            ObjectFactory factory = new ObjectFactory(new Random(1));
            ObjectFactory.NodeRef node = new ObjectFactory.NodeRef("node-a", "192.0.2.1");
            new ClusterWriter(client).write(factory.deployment("shop", "web", Map.of("app.kubernetes.io/name", "web"),
                    "nginx:1.27", 2, List.of(node)));
            new ClusterWriter(client).write(factory.deployment("shop", "cart", Map.of("app.kubernetes.io/name", "cart"),
                    "nginx:1.27", 1, List.of(node)));
            assertThat(client.pods().inNamespace("shop").list().getItems()).hasSize(3);

            client.apps().deployments().inNamespace("shop").withName("web").delete();

            Eventually.within(Duration.ofSeconds(10), () -> {
                assertThat(client.apps().replicaSets().inNamespace("shop").list().getItems())
                        .extracting(rs -> rs.getMetadata().getName()).allMatch(name -> name.startsWith("cart-"));
                assertThat(client.pods().inNamespace("shop").list().getItems())
                        .extracting(pod -> pod.getMetadata().getName()).singleElement()
                        .satisfies(name -> assertThat(name).startsWith("cart-"));
            });
        }
    }
}
