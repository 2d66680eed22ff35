package dev.scopelinks.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopelinks.host.HostSettings;
import dev.scopelinks.host.ScopeLinksHost;
import dev.scopelinks.host.config.ConfigLoader;
import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.plugin.ProviderLoader;
import dev.scopelinks.host.probe.ProbeClient;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plan.LinkPlanner;
import dev.scopelinks.host.probe.ReportChecker;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.host.report.ReportKeys;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenEBS snapshot example as an operator would add it: its jar dropped into the providers
 * directory of a stock host, whose class path does not have it. The CRDs are installed after the
 * host started, as on a cluster that gains OpenEBS later.
 */
@Tag("fabric8-mock-server") // watches through fabric8's mock API server: failsafe reruns it (see pom.xml)
@EnableKubernetesMockClient(crud = true)
class VolumeSnapshotDropInIT {

    private static final String EXAMPLE_FACTORY = "org.example.snapshots.VolumeSnapshotLinkProviderFactory";
    private static final String GROUP = "volumesnapshot.external-storage.k8s.io";
    private static final ResourceType SNAPSHOTS = ResourceType.namespaced(GROUP, "v1", "volumesnapshots",
            "VolumeSnapshot");
    private static final ResourceType SNAPSHOT_DATAS = ResourceType.clusterScoped(GROUP, "v1", "volumesnapshotdatas",
            "VolumeSnapshotData");

    private static final String CONFIG = """
            apiVersion: scope-links/v1
            providers:
              VolumeSnapshot:
                links: [{id: backups, label: Backups, url: "https://backups.example/{{namespace}}/{{claimName}}/{{name}}"}]
              VolumeSnapshotData:
                links: [{id: storage, label: Storage, url: "https://openebs.example/snapshots/{{openebsSnapshotId}}"}]
            """;

    KubernetesClient client;

    @TempDir
    Path sockets;

    @TempDir
    Path providersDir;

    @Test
    void aDroppedInJarLinksOpenEbsSnapshotsOnceTheirCrdsAreInstalled() throws Exception {
        Path jar = exampleJar();
        Files.copy(jar, providersDir.resolve(jar.getFileName()));
        assertThatThrownBy(() -> Class.forName(EXAMPLE_FACTORY)).as("the example is not on the host's class path")
                .isInstanceOf(ClassNotFoundException.class);

        ProviderCatalog catalog = new ProviderLoader(getClass().getClassLoader(), Optional.of(providersDir)).load();
        assertThat(catalog.failures()).isEmpty();
        assertThat(catalog.find("VolumeSnapshot")).get().extracting(provider -> provider.source())
                .asString().endsWith(jar.getFileName().toString());
        LinkPlan plan = new LinkPlanner().plan(new ConfigLoader(name -> null).load("it.yaml", new StringReader(CONFIG)),
                catalog);
        HostSettings settings = new HostSettings(sockets, Duration.ofSeconds(10), Duration.ofSeconds(2),
                Duration.ofMillis(20), Duration.ofSeconds(20), 48L * 1024 * 1024, 8);

        // The client closes after the host and before the mock server goes down, so no watch
        // connection is left for the server's shutdown to wait on.
        try (KubernetesClient cluster = client;
             ScopeLinksHost host = ScopeLinksHost.start(settings, plan, catalog, cluster, new HostMetrics(),
                Duration.ofMillis(200));
             ProbeClient probe = new ProbeClient(host.socketPath(), ProbeClient.PROBE_TIMEOUT, "it-probe")) {
            assertThat(host.degradedProviders()).containsOnlyKeys("VolumeSnapshot", "VolumeSnapshotData");

            install(SNAPSHOTS);
            install(SNAPSHOT_DATAS);
            MockObjects objects = new MockObjects(client);
            String snapshot = objects.create(SNAPSHOTS, """
                    apiVersion: volumesnapshot.external-storage.k8s.io/v1
                    kind: VolumeSnapshot
                    metadata: {name: db-nightly, namespace: shop}
                    spec: {persistentVolumeClaimName: data-db-0, snapshotDataName: k8s-volume-snapshot-2f1c}
                    """).getMetadata().getUid();
            String data = objects.create(SNAPSHOT_DATAS, """
                    apiVersion: volumesnapshot.external-storage.k8s.io/v1
                    kind: VolumeSnapshotData
                    metadata: {name: k8s-volume-snapshot-2f1c}
                    spec:
                      volumeSnapshotRef: {kind: VolumeSnapshot, namespace: shop, name: db-nightly}
                      openebsVolume: {snapshotId: pvc-0b6c_db-nightly_1732500000}
                    """).getMetadata().getUid();

            String snapshotNode = ScopeTopology.VOLUME_SNAPSHOT.nodeId(snapshot);
            String dataNode = ScopeTopology.VOLUME_SNAPSHOT_DATA.nodeId(data);
            byte[] body = ReportAssertions.awaitNodes(probe, Map.of("VolumeSnapshot", List.of(snapshotNode),
                    "VolumeSnapshotData", List.of(dataNode)), Duration.ofSeconds(20));
            JsonNode report = ReportAssertions.parse(body);

            assertThat(snapshotNode).endsWith(";<volume_snapshot>");
            assertThat(report.path("VolumeSnapshot").path("nodes").path(snapshotNode).path("latest")
                    .path(ReportKeys.wire("scope-links-backups")).path("value").asText())
                    .isEqualTo("https://backups.example/shop/data-db-0/db-nightly");
            assertThat(report.path("VolumeSnapshotData").path("nodes").path(dataNode).path("latest")
                    .path(ReportKeys.wire("scope-links-storage")).path("value").asText())
                    .isEqualTo("https://openebs.example/snapshots/pvc-0b6c_db-nightly_1732500000");
            assertThat(new ReportChecker().check(body, "scope-links")).isEmpty();
            assertThat(host.degradedProviders()).isEmpty();
        }
    }

    /** Installs the CRD the way a cluster operator would; the mock server then lists it in API discovery. */
    private void install(ResourceType type) {
        CustomResourceDefinition crd = new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName(type.plural() + "." + type.group()).endMetadata()
                .withNewSpec()
                .withGroup(type.group())
                .withScope(type.namespaced() ? "Namespaced" : "Cluster")
                .withNewNames().withKind(type.kind()).withPlural(type.plural()).endNames()
                .addNewVersion().withName(type.version()).withServed(true).withStorage(true).endVersion()
                .endSpec()
                .build();
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    }

    private static Path exampleJar() throws IOException {
        Path dir = Path.of(System.getProperty("scope-links.drop-in", "target/drop-in"));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(file -> file.getFileName().toString().endsWith(".jar")).toList();
            assertThat(jars).as("the example jar in %s", dir).hasSize(1);
            return jars.get(0);
        }
    }
}
