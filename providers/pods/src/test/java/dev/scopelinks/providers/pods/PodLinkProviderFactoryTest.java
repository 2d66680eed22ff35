package dev.scopelinks.providers.pods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.testkit.LinkProviderContractTest;
import dev.scopelinks.testkit.ProviderHarness;
import dev.scopelinks.testkit.TestObjects;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PodLinkProviderFactoryTest extends LinkProviderContractTest {

    private static final String POD_UID = "7a1e0c52-0021-4c1a-9a00-000000000021";
    private static final String POD_NODE = POD_UID + ";<pod>";

    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web-7d4f8b-x2k9p
              namespace: shop
              uid: 7a1e0c52-0021-4c1a-9a00-000000000021
              labels: {app: web}
              ownerReferences:
                - {apiVersion: apps/v1, kind: ReplicaSet, name: web-7d4f8b, uid: 7a1e0c52-0022-4c1a-9a00-000000000022, controller: true}
            spec:
              nodeName: worker-3
            status:
              phase: Running
              podIP: 10.244.1.17
              hostIP: 192.0.2.11
            """;

    private static final String REPLICA_SET = TestObjects.replicaSetOf("web", "shop", "web-7d4f8b",
            "7a1e0c52-0022-4c1a-9a00-000000000022");

    private static final String NODE = TestObjects.nodeInZone("worker-3", "eu-west-1a");

    @Override
    protected LinkProviderFactory factory() {
        return new PodLinkProviderFactory();
    }

    @Override
    protected String sampleObject() {
        return POD;
    }

    @Override
    protected List<String> sampleNodeIds() {
        return List.of(POD_NODE);
    }

    @Override
    protected List<String> cachedObjects() {
        return List.of(REPLICA_SET, NODE);
    }

    @Test
    void offersThePodsOwnFieldsAndItsOwner() {
        assertThat(harness().run(POD).variables(POD_NODE))
                .containsEntry("name", "web-7d4f8b-x2k9p")
                .containsEntry("namespace", "shop")
                .containsEntry("nodeName", "worker-3")
                .containsEntry("podIP", "10.244.1.17")
                .containsEntry("hostIP", "192.0.2.11")
                .containsEntry("phase", "Running")
                .containsEntry("ownerKind", "ReplicaSet")
                .containsEntry("ownerName", "web-7d4f8b");
    }

    @Test
    void resolvesTheDeploymentBehindTheReplicaSetAndTheNodesZone() {
        assertThat(harness().run(POD).variables(POD_NODE))
                .containsEntry("workloadKind", "Deployment")
                .containsEntry("workloadName", "web")
                .containsEntry("nodeZone", "eu-west-1a");
    }

    @Test
    void resolvesTheCronJobBehindAJob() {
        ProviderHarness.Run run = ProviderHarness.of(factory()).withCached("""
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: backup-29012345
                  namespace: ops
                  uid: 7a1e0c52-0024-4c1a-9a00-000000000024
                  ownerReferences:
                    - {apiVersion: batch/v1, kind: CronJob, name: backup, uid: 7a1e0c52-0025-4c1a-9a00-000000000025, controller: true}
                """).run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: backup-29012345-abcde
                  namespace: ops
                  uid: 7a1e0c52-0026-4c1a-9a00-000000000026
                  ownerReferences:
                    - {apiVersion: batch/v1, kind: Job, name: backup-29012345, uid: 7a1e0c52-0024-4c1a-9a00-000000000024, controller: true}
                """);

        assertThat(run.variables("7a1e0c52-0026-4c1a-9a00-000000000026;<pod>"))
                .containsEntry("ownerKind", "Job")
                .containsEntry("workloadKind", "CronJob")
                .containsEntry("workloadName", "backup");
    }

    @Test
    void takesAStatefulSetOwnerAsTheWorkloadWithoutALookup() {
        ProviderHarness.Run run = ProviderHarness.of(factory()).run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: db-0
                  namespace: shop
                  uid: 7a1e0c52-0027-4c1a-9a00-000000000027
                  ownerReferences:
                    - {apiVersion: apps/v1, kind: StatefulSet, name: db, uid: 7a1e0c52-0028-4c1a-9a00-000000000028, controller: true}
                """);

        assertThat(run.variables("7a1e0c52-0027-4c1a-9a00-000000000027;<pod>"))
                .containsEntry("workloadKind", "StatefulSet").containsEntry("workloadName", "db");
    }

    @Test
    void leavesWorkloadAndZoneAbsentWhenTheOwnerOrNodeIsNotCached() {
        ProviderHarness.Run run = ProviderHarness.of(factory()).withConfig("""
                providers:
                  Pod:
                    links:
                      - id: workload
                        label: Workload
                        url: "https://dash.example/{{workloadKind}}/{{namespace}}/{{workloadName}}"
                """).run(POD);

        assertThat(run.variables(POD_NODE)).containsEntry("ownerName", "web-7d4f8b")
                .doesNotContainKeys("workloadKind", "workloadName", "nodeZone");
        assertThat(run.links(POD_NODE)).isEmpty();
        assertThat(run.skipped()).singleElement().asString().containsPattern("missing:workload(Kind|Name)");
    }

    @Test
    void rendersAWorkloadLinkIntoAReportScopeAccepts() {
        ProviderHarness.Run run = harness().withConfig("""
                providers:
                  Pod:
                    links:
                      - id: workload
                        label: Workload
                        url: "https://dash.example/{{workloadKind}}/{{namespace}}/{{workloadName}}?zone={{nodeZone}}"
                """).run(POD);

        assertThat(run.links(POD_NODE)).containsEntry("workload",
                "https://dash.example/Deployment/shop/web?zone=eu-west-1a");
        assertThat(run.reportFindings()).isEmpty();
    }

    @Test
    void needsReplicaSetsJobsAndNodesOnlyForTheVariablesThatUseThem() {
        PodLinkProviderFactory factory = new PodLinkProviderFactory();

        assertThat(factory.dependsOn(Set.of("name", "ownerName"))).isEmpty();
        assertThat(factory.dependsOn(Set.of("workloadKind"))).extracting(ResourceType::kind)
                .containsExactlyInAnyOrder("ReplicaSet", "Job");
        assertThat(factory.dependsOn(Set.of("nodeZone"))).extracting(ResourceType::kind).containsExactly("Node");
        assertThat(factory.dependsOn()).extracting(ResourceType::kind)
                .containsExactlyInAnyOrder("ReplicaSet", "Job", "Node");
    }
}
