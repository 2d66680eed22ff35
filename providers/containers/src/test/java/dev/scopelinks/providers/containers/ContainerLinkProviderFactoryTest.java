package dev.scopelinks.providers.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.testkit.LinkProviderContractTest;
import dev.scopelinks.testkit.ProviderHarness;
import dev.scopelinks.testkit.TestObjects;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContainerLinkProviderFactoryTest extends LinkProviderContractTest {

    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web-7d4f8b-x2k9p
              namespace: shop
              uid: 7a1e0c52-0011-4c1a-9a00-000000000011
              labels: {app: web}
              ownerReferences:
                - {apiVersion: apps/v1, kind: ReplicaSet, name: web-7d4f8b, uid: 7a1e0c52-0012-4c1a-9a00-000000000012, controller: true}
            spec:
              nodeName: worker-3
            status:
              podIP: 10.244.1.17
              containerStatuses:
                - name: web
                  image: nginx:1.27
                  imageID: docker.io/library/nginx@sha256:0a1b2c
                  containerID: containerd://4f9c2a7be1d0
                  restartCount: 2
                  ready: true
                - name: sidecar
                  image: envoy:1.30
                  containerID: docker://9e8d7c6b5a40
                  restartCount: 0
                  ready: false
                - name: starting
                  image: busybox:1.36
                  restartCount: 0
                  ready: false
            """;

    private static final String REPLICA_SET = TestObjects.replicaSetOf("web", "shop", "web-7d4f8b",
            "7a1e0c52-0012-4c1a-9a00-000000000012");

    private static final String NODE = TestObjects.nodeInZone("worker-3", "eu-west-1a");

    @Override
    protected LinkProviderFactory factory() {
        return new ContainerLinkProviderFactory();
    }

    @Override
    protected String sampleObject() {
        return POD;
    }

    @Override
    protected List<String> sampleNodeIds() {
        return List.of("4f9c2a7be1d0;<container>", "9e8d7c6b5a40;<container>");
    }

    @Override
    protected List<String> cachedObjects() {
        return List.of(REPLICA_SET, NODE);
    }

    @Test
    void givesOneNodePerContainerWithAnIdAndStripsTheRuntimePrefix() {
        assertThat(harness().run(POD).nodeIds()).containsExactly("4f9c2a7be1d0;<container>", "9e8d7c6b5a40;<container>");
    }

    @Test
    void stripsTheCriOPrefixToo() {
        ProviderHarness.Run run = harness().run("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: shop, uid: 7a1e0c52-0014-4c1a-9a00-000000000014}
                status:
                  containerStatuses:
                    - {name: app, image: app:1, containerID: "cri-o://abc123", restartCount: 0, ready: true}
                """);

        assertThat(run.nodeIds()).containsExactly("abc123;<container>");
        assertThat(run.variables("abc123;<container>")).containsEntry("runtime", "cri-o");
    }

    @Test
    void offersContainerAndPodVariablesWithTheResolvedWorkload() {
        ProviderHarness.Run run = harness().run(POD);

        assertThat(run.variables("4f9c2a7be1d0;<container>"))
                .containsEntry("containerID", "4f9c2a7be1d0")
                .containsEntry("runtime", "containerd")
                .containsEntry("containerName", "web")
                .containsEntry("image", "nginx:1.27")
                .containsEntry("imageID", "docker.io/library/nginx@sha256:0a1b2c")
                .containsEntry("restartCount", "2")
                .containsEntry("ready", "true")
                .containsEntry("podName", "web-7d4f8b-x2k9p")
                .containsEntry("podUid", "7a1e0c52-0011-4c1a-9a00-000000000011")
                .containsEntry("namespace", "shop")
                .containsEntry("nodeName", "worker-3")
                .containsEntry("podIP", "10.244.1.17")
                .containsEntry("labels.app", "web")
                .containsEntry("ownerKind", "ReplicaSet")
                .containsEntry("ownerName", "web-7d4f8b")
                .containsEntry("workloadKind", "Deployment")
                .containsEntry("workloadName", "web")
                .containsEntry("nodeZone", "eu-west-1a");
        assertThat(run.variables("9e8d7c6b5a40;<container>")).containsEntry("containerName", "sidecar")
                .containsEntry("runtime", "docker");
    }

    @Test
    void givesNoNodeBeforeAnyContainerHasAnId() {
        ProviderHarness.Run run = harness().run("""
                apiVersion: v1
                kind: Pod
                metadata: {name: pending, namespace: shop, uid: 7a1e0c52-0015-4c1a-9a00-000000000015}
                status:
                  phase: Pending
                  containerStatuses:
                    - {name: app, image: app:1, restartCount: 0, ready: false}
                """);

        assertThat(run.nodeIds()).isEmpty();
    }

    @Test
    void watchesTheWorkloadChainOnlyWhenATemplateUsesIt() {
        ContainerLinkProviderFactory factory = new ContainerLinkProviderFactory();

        assertThat(factory.dependsOn(Set.of("containerID", "podName"))).isEmpty();
        assertThat(factory.dependsOn(Set.of("workloadName"))).extracting(type -> type.kind())
                .containsExactlyInAnyOrder("ReplicaSet", "Job");
        assertThat(factory.dependsOn(Set.of("nodeZone"))).extracting(type -> type.kind())
                .containsExactly("Node");
    }

    @Test
    void rendersALogsLinkPerContainerIntoAReportScopeAccepts() {
        ProviderHarness.Run run = harness().withConfig("""
                providers:
                  Container:
                    links:
                      - id: logs
                        label: Logs
                        url: "https://logs.example/{{namespace}}/{{podName}}/{{containerName}}"
                """).run(POD);

        assertThat(run.links("4f9c2a7be1d0;<container>")).containsEntry("logs", "https://logs.example/shop/web-7d4f8b-x2k9p/web");
        assertThat(run.links("9e8d7c6b5a40;<container>")).containsEntry("logs",
                "https://logs.example/shop/web-7d4f8b-x2k9p/sidecar");
        assertThat(run.reportFindings()).isEmpty();
    }
}
