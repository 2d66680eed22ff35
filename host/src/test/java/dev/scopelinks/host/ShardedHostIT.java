package dev.scopelinks.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopelinks.host.config.ConfigLoader;
import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.plugin.ProviderLoader;
import dev.scopelinks.host.probe.ProbeClient;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plan.LinkPlanner;
import dev.scopelinks.host.probe.ReportChecker;
import dev.scopelinks.host.report.ReportSnapshot;
import dev.scopelinks.host.report.ShardBudget;
import dev.scopelinks.host.testing.Eventually;
import dev.scopelinks.host.testing.MockApiOrder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host splitting its report over plugin sockets as the cluster grows and shrinks, against
 * fabric8's mock API server in CRUD mode, every socket polled as Scope's probe polls it.
 */
@Tag("fabric8-mock-server") // watches through fabric8's mock API server: failsafe reruns it (see pom.xml)
@EnableKubernetesMockClient(crud = true)
class ShardedHostIT {

    private static final Duration WATCH = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A Deployment node here is ~330 bytes: a 4,096-byte socket holds about a dozen. */
    private static final long SOCKET_BYTES = 4096;
    private static final String CONFIG = """
            apiVersion: scope-links/v1
            cluster: prod-eu
            providers:
              Deployment:
                links:
                  - id: dashboard
                    label: Dashboard
                    url: "https://dash.example.com/#/deployment/{{namespace}}/{{name}}?namespace={{namespace}}"
                  - id: logs
                    label: Logs
                    url: "https://grafana.example.com/d/k8s/deploy?var-ns={{namespace}}&var-deployment={{name}}"
            """;

    static KubernetesClient client;
    static KubernetesMockServer server;

    @RegisterExtension
    final MockApiOrder order = new MockApiOrder();

    @TempDir
    Path root;

    private ScopeLinksHost host;
    private HostMetrics metrics;

    @AfterEach
    void stopHost() throws Exception {
        order.close();
        client.apps().deployments().inAnyNamespace().delete();
    }

    @Test
    void opensShardSocketsAsDeploymentsAreCreatedAndRemovesThemAsTheyAreDeleted() throws Exception {
        start(8);
        assertThat(socketFiles()).containsExactly(root.resolve("scope-links/scope-links.sock"));

        for (int i = 0; i < 30; i++) {
            create("web-" + i);
        }

        // Settled: every node served, and as many sockets on disk as the report wants shards.
        Eventually.within(WATCH, () -> {
            assertThat(pollEverySocket()).hasSize(30);
            ReportSnapshot snapshot = host.currentSnapshot();
            assertThat(socketFiles()).as("wanted %s, served %s, open %s", snapshot.wantedShards(),
                    snapshot.shards().size(), host.socketPaths()).hasSize(snapshot.wantedShards())
                    .hasSize(snapshot.shards().size());
        });
        assertThat(host.socketPaths()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(host.readiness()).contains("shard socket: serving " + root.resolve("scope-links-2/scope-links-2.sock"));
        assertThat(host.isReady()).isTrue();

        for (int i = 3; i < 30; i++) {
            client.apps().deployments().inNamespace("shop").withName("web-" + i).delete();
        }

        // One socket is back before the last deletes arrive; settled means both.
        Eventually.within(WATCH, () -> {
            assertThat(socketFiles()).containsExactly(root.resolve("scope-links/scope-links.sock"));
            assertThat(pollEverySocket()).hasSize(3);
        });
    }

    @Test
    void leavesNodesOutPastTheShardLimitAndSaysSoOnReadinessAndInMetrics() throws Exception {
        start(2);

        for (int i = 0; i < 40; i++) {
            create("api-" + i);
        }

        Eventually.within(WATCH, () -> assertThat(host.currentSnapshot().omittedNodes()
                + host.currentSnapshot().nodes()).isEqualTo(40));
        int omitted = host.currentSnapshot().omittedNodes();
        assertThat(omitted).isPositive();
        assertThat(pollEverySocket()).hasSize(40 - omitted);
        assertThat(host.readiness()).contains("degraded: " + omitted + " node(s) left out")
                .contains("--max-shards");
        assertThat(metricsText()).contains("scope_links_report_omitted_nodes " + omitted + ".0")
                .contains("scope_links_report_shards 2.0");
        assertThat(host.isReady()).as("what fits is served; the host stays ready").isTrue();
    }

    @Test
    void removesEveryShardSocketOnClose() throws Exception {
        start(8);
        for (int i = 0; i < 30; i++) {
            create("db-" + i);
        }
        Eventually.within(WATCH, () -> assertThat(socketFiles()).hasSizeGreaterThanOrEqualTo(3));

        order.close();

        assertThat(socketFiles()).isEmpty();
    }

    private void start(int maxShards) throws Exception {
        ProviderCatalog catalog = new ProviderLoader(getClass().getClassLoader(), Optional.empty()).load();
        LinkPlan plan = new LinkPlanner().plan(new ConfigLoader(name -> null).load("links.yaml",
                new StringReader(CONFIG)), catalog);
        HostSettings defaults = HostSettings.defaults(root);
        HostSettings settings = new HostSettings(root, defaults.idleTimeout(), Duration.ofSeconds(1),
                Duration.ofMillis(20), WATCH, new ShardBudget(SOCKET_BYTES, 0, 0, maxShards), 4);
        metrics = new HostMetrics();
        host = order.host(ScopeLinksHost.start(settings, plan, catalog, order.client(server.createClient()), metrics));
    }

    private void create(String name) {
        Deployment deployment = new DeploymentBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(Map.of("app", name)).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", name)).endMetadata()
                .withNewSpec().withContainers(new ContainerBuilder().withName(name).withImage("nginx").build())
                .endSpec().endTemplate().endSpec().build();
        client.apps().deployments().inNamespace("shop").resource(deployment).create();
    }

    /** Polls every socket under the plugin root; checks each body; returns node id to the plugin id serving it. */
    private Map<String, String> pollEverySocket() throws Exception {
        Map<String, String> placed = new HashMap<>();
        for (Path socket : socketFiles()) {
            String id = socket.getFileName().toString().replace(".sock", "");
            ProbeClient.Response response;
            try (ProbeClient probe = new ProbeClient(socket, Duration.ofSeconds(5), "shard-it")) {
                response = probe.pollReport();
            }
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().length).as("%s within its budget", id).isLessThanOrEqualTo((int) SOCKET_BYTES);
            assertThat(new ReportChecker().check(response.body(), id)).as("%s is a valid plugin", id).isEmpty();
            JsonNode report = JSON.readTree(response.body());
            report.at("/Deployment/nodes").fieldNames().forEachRemaining(node ->
                    assertThat(placed.put(node, id)).as("%s served once", node).isNull());
        }
        return placed;
    }

    private List<Path> socketFiles() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(path -> path.toString().endsWith(".sock")).sorted().forEach(files::add);
        }
        return files;
    }

    private String metricsText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
