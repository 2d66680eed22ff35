package dev.scopelinks.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.standin.StandInCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoSeedTest {

    private static StandInCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void seed() throws Exception {
        cluster = StandInCluster.start(0);
        client = cluster.client();
        new DemoSeed(client).seed();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void seedsAtLeastOneObjectOfEveryKindScopeDraws() {
        assertThat(client.namespaces().list().getItems()).isNotEmpty();
        assertThat(client.nodes().list().getItems()).isNotEmpty();
        assertThat(client.apps().deployments().inAnyNamespace().list().getItems()).isNotEmpty();
        assertThat(client.apps().replicaSets().inAnyNamespace().list().getItems()).isNotEmpty();
        assertThat(client.pods().inAnyNamespace().list().getItems()).isNotEmpty();
        assertThat(client.services().inAnyNamespace().list().getItems()).isNotEmpty();
        assertThat(client.apps().statefulSets().inAnyNamespace().list().getItems()).isNotEmpty();
        assertThat(client.apps().daemonSets().inAnyNamespace().list().getItems()).isNotEmpty();
        assertThat(client.batch().v1().jobs().inAnyNamespace().list().getItems()).isNotEmpty();
        assertThat(client.batch().v1().cronjobs().inAnyNamespace().list().getItems()).isNotEmpty();
        assertThat(client.batch().v1beta1().cronjobs().inAnyNamespace().list().getItems()).isNotEmpty();
        assertThat(client.persistentVolumes().list().getItems()).isNotEmpty();
        assertThat(client.persistentVolumeClaims().inAnyNamespace().list().getItems()).isNotEmpty();
        assertThat(client.storage().v1().storageClasses().list().getItems()).isNotEmpty();
    }

    @Test
    void podsLookAliveOnASeededNode() {
        Set<String> nodes = client.nodes().list().getItems().stream().map(node -> node.getMetadata().getName())
                .collect(Collectors.toSet());
        Set<String> nodeIps = client.nodes().list().getItems().stream().map(DemoSeedTest::internalIp)
                .collect(Collectors.toSet());

        assertThat(client.pods().inAnyNamespace().list().getItems()).allSatisfy(pod -> {
            assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
            assertThat(pod.getStatus().getPodIP()).matches("10\\.244\\.\\d+\\.\\d+");
            assertThat(pod.getSpec().getNodeName()).isIn(nodes);
            assertThat(pod.getStatus().getHostIP()).isIn(nodeIps);
            assertThat(pod.getStatus().getContainerStatuses()).isNotEmpty().allSatisfy(status ->
                    assertThat(status.getContainerID()).matches("containerd://[0-9a-f]{64}"));
        });
    }

    @Test
    void ownerReferencesPointAtTheUidsTheServerAssigned() {
        List<HasMetadata> owners = List.of();
        Set<String> uids = new HashSet<>();
        client.apps().deployments().inAnyNamespace().list().getItems().forEach(o -> uids.add(o.getMetadata().getUid()));
        client.apps().replicaSets().inAnyNamespace().list().getItems().forEach(o -> uids.add(o.getMetadata().getUid()));
        client.apps().statefulSets().inAnyNamespace().list().getItems().forEach(o -> uids.add(o.getMetadata().getUid()));
        client.apps().daemonSets().inAnyNamespace().list().getItems().forEach(o -> uids.add(o.getMetadata().getUid()));
        client.batch().v1().jobs().inAnyNamespace().list().getItems().forEach(o -> uids.add(o.getMetadata().getUid()));
        client.batch().v1().cronjobs().inAnyNamespace().list().getItems().forEach(o -> uids.add(o.getMetadata().getUid()));

        List<Pod> pods = client.pods().inAnyNamespace().list().getItems();
        assertThat(owners).isEmpty();
        assertThat(pods).allSatisfy(pod -> assertThat(pod.getMetadata().getOwnerReferences())
                .allSatisfy(owner -> assertThat(owner.getUid()).isIn(uids)));
        assertThat(client.apps().replicaSets().inAnyNamespace().list().getItems()).allSatisfy(rs ->
                assertThat(rs.getMetadata().getOwnerReferences().get(0).getUid()).isIn(uids));
    }

    private static String internalIp(Node node) {
        return node.getStatus().getAddresses().stream().filter(address -> address.getType().equals("InternalIP"))
                .findFirst().orElseThrow().getAddress();
    }
}
