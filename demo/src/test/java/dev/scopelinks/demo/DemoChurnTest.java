package dev.scopelinks.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.standin.StandInCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DemoChurnTest {

    @Test
    void scalesRelabelsAndReplacesPodsInTurn() throws Exception {
        try (StandInCluster cluster = StandInCluster.start(0); DemoChurn churn = new DemoChurn(cluster.client(), 5)) {
            KubernetesClient client = cluster.client();
            new DemoSeed(client).seed();
            Set<String> podsBefore = podNames(client);

            String scaled = churn.step();
            String relabelled = churn.step();
            String replaced = churn.step();

            assertThat(scaled).startsWith("scaled deployment");
            assertThat(relabelled).startsWith("relabelled");
            assertThat(replaced).startsWith("replaced pod");
            assertThat(podNames(client)).isNotEqualTo(podsBefore);
            assertThat(Stream.of(client.apps().deployments().inAnyNamespace().list().getItems(),
                            client.services().inAnyNamespace().list().getItems(),
                            client.pods().inAnyNamespace().list().getItems())
                    .flatMap(list -> list.stream().map(HasMetadata.class::cast))
                    .filter(object -> object.getMetadata().getLabels() != null
                            && object.getMetadata().getLabels().containsKey(DemoChurn.REVISION_LABEL)))
                    .hasSize(1);
        }
    }

    private static Set<String> podNames(KubernetesClient client) {
        return client.pods().inAnyNamespace().list().getItems().stream().map(pod -> pod.getMetadata().getName())
                .collect(Collectors.toSet());
    }
}
