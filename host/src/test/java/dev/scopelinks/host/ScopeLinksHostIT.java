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
import dev.scopelinks.host.testing.Eventually;
import dev.scopelinks.host.report.ReportKeys;
import dev.scopelinks.host.testing.MockApiOrder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole host against fabric8's mock API server in CRUD mode, polled through its real UNIX
 * socket exactly as Scope's probe polls it.
 */
@Tag("fabric8-mock-server") // watches through fabric8's mock API server: failsafe reruns it (see pom.xml)
@EnableKubernetesMockClient(crud = true)
class ScopeLinksHostIT {

    private static final Duration WATCH = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG = """
            apiVersion: scope-links/v1
            cluster: prod-eu
            vars:
              dash: https://dash.example
            providers:
              Deployment:
                links:
                  - id: dashboard
                    label: Dashboard
                    url: "{{{dash}}}/#/deployment/{{namespace}}/{{name}}?namespace={{namespace}}&cluster={{cluster}}"
                    priority: 1.1
                  - id: app
                    label: App
                    url: "https://apps.example/{{labels.app.kubernetes.io/name}}"
                    priority: 1.2
              Service:
                links:
                  - id: dashboard
                    label: Dashboard
                    url: "{{{dash}}}/#/service/{{namespace}}/{{name}}"
              Pod:
                links:
                  - id: logs
                    label: Logs
                    url: "https://logs.example/search?q={{annotations.note}}&pod={{name}}"
                  - id: image
                    label: Image
                    url: "https://registry.example/inspect?ref={{image}}"
            """;

    static KubernetesClient client;
    static KubernetesMockServer server;

    @RegisterExtension
    final MockApiOrder order = new MockApiOrder();

    @TempDir
    Path root;

    private ScopeLinksHost host;
    private ProbeClient probe;
    private HostMetrics metrics;

    @BeforeEach
    void startHost() throws Exception {
        ProviderCatalog catalog = new ProviderLoader(getClass().getClassLoader(), Optional.empty()).load();
        LinkPlan plan = new LinkPlanner().plan(new ConfigLoader(name -> null).load("links.yaml",
                new StringReader(CONFIG)), catalog);
        HostSettings defaults = HostSettings.defaults(root);
        HostSettings settings = new HostSettings(root, defaults.idleTimeout(), Duration.ofSeconds(1),
                Duration.ofMillis(20), WATCH, defaults.maxReportBytes(), 8);
        metrics = new HostMetrics();
        host = order.host(ScopeLinksHost.start(settings, plan, catalog, order.client(server.createClient()), metrics));
        probe = new ProbeClient(host.socketPath(), ProbeClient.PROBE_TIMEOUT, "probe-it");
        // The first exchange loads classes on both sides; Scope's probe meets a warm server.
        new ProbeClient(host.socketPath(), Duration.ofSeconds(5), "warm-up").pollReport();
    }

    @AfterEach
    void stopHost() throws Exception {
        probe.close();
        order.close();
        client.apps().deployments().inAnyNamespace().delete();
        client.services().inAnyNamespace().delete();
        client.pods().inAnyNamespace().delete();
    }

    @Test
    void servesAReportScopeAcceptsWithOnePluginEntryBeforeAnyObjectExists() throws Exception {
        JsonNode report = poll();

        assertThat(report.get("Plugins")).hasSize(1);
        JsonNode plugin = report.get("Plugins").get(0);
        assertThat(plugin.get("id").asText()).isEqualTo("scope-links");
        assertThat(plugin.get("api_version").isTextual()).isTrue();
        assertThat(plugin.get("api_version").asText()).isEqualTo("1");
        assertThat(plugin.get("interfaces").get(0).asText()).isEqualTo("reporter");
        assertThat(report.fieldNames()).toIterable().as("no empty topologies: Scope would decode them for nothing")
                .containsExactly("Plugins");
    }

    @Test
    void givesDeploymentsServicesAndPodsTheirLinksUnderScopesNodeIds() throws Exception {
        Deployment deployment = client.apps().deployments().inNamespace("shop").resource(deployment("web",
                Map.of("app.kubernetes.io/name", "storefront"))).create();
        Service service = client.services().inNamespace("shop").resource(service("web")).create();
        Pod pod = client.pods().inNamespace("shop").resource(pod("web-1", "deploy notes", "nginx:1.27")).create();

        String deploymentId = deployment.getMetadata().getUid() + ";<deployment>";
        String serviceId = service.getMetadata().getUid() + ";<service>";
        String podId = pod.getMetadata().getUid() + ";<pod>";
        Eventually.within(WATCH, () -> {
            JsonNode report = poll();
            assertThat(report.at("/Deployment/nodes").has(deploymentId)).isTrue();
            assertThat(report.at("/Service/nodes").has(serviceId)).isTrue();
            assertThat(report.at("/Pod/nodes").has(podId)).isTrue();
        });

        JsonNode report = poll();
        JsonNode node = report.at("/Deployment/nodes").get(deploymentId);
        assertThat(node.get("id").asText()).isEqualTo(deploymentId);
        assertThat(node.has("topology")).isFalse();
        assertThat(node.at("/latest/" + ReportKeys.wire("scope-links-dashboard") + "/value").asText())
                .isEqualTo("https://dash.example/#/deployment/shop/web?namespace=shop&cluster=prod-eu");
        assertThat(node.at("/latest/" + ReportKeys.wire("scope-links-app") + "/value").asText()).isEqualTo("https://apps.example/storefront");
        assertThat(OffsetDateTime.parse(node.at("/latest/" + ReportKeys.wire("scope-links-dashboard") + "/timestamp").asText()))
                .isAfter(OffsetDateTime.now().minusMinutes(5));
        assertThat(report.at("/Service/nodes").get(serviceId).at("/latest/" + ReportKeys.wire("scope-links-dashboard") + "/value").asText())
                .isEqualTo("https://dash.example/#/service/shop/web");
        assertThat(report.at("/Pod/nodes").get(podId).at("/latest/" + ReportKeys.wire("scope-links-logs") + "/value").asText())
                .isEqualTo("https://logs.example/search?q=deploy%20notes&pod=web-1");
        JsonNode template = report.at("/Deployment/metadata_templates/" + ReportKeys.wire("scope-links-dashboard"));
        assertThat(template.get("id").asText()).isEqualTo(ReportKeys.wire("scope-links-dashboard"));
        assertThat(template.get("label").asText()).isEqualTo("Dashboard");
        assertThat(template.get("dataType").asText()).isEqualTo("link");
        assertThat(template.get("priority").asDouble()).isEqualTo(1.1);
        assertThat(template.get("from").asText()).isEqualTo("latest");
        assertThat(report.has("TS")).isFalse();
        assertScopeAccepts();
    }

    @Test
    void rendersTheNewLinkWhenALabelChangesAndDropsTheNodeWhenTheObjectIsDeleted() throws Exception {
        Deployment deployment = client.apps().deployments().inNamespace("shop").resource(deployment("web",
                Map.of("app.kubernetes.io/name", "storefront"))).create();
        String id = deployment.getMetadata().getUid() + ";<deployment>";
        Eventually.within(WATCH, () -> assertThat(linkOf("Deployment", id, "scope-links-app"))
                .contains("https://apps.example/storefront"));

        client.apps().deployments().inNamespace("shop").withName("web")
                .edit(d -> new DeploymentBuilder(d).editMetadata()
                        .addToLabels("app.kubernetes.io/name", "checkout").endMetadata().build());

        Eventually.within(WATCH, () -> assertThat(linkOf("Deployment", id, "scope-links-app"))
                .contains("https://apps.example/checkout"));
        assertScopeAccepts();

        client.apps().deployments().inNamespace("shop").withName("web").delete();

        Eventually.within(WATCH, () -> assertThat(poll().at("/Deployment/nodes").has(id)).isFalse());
        assertScopeAccepts();
    }

    @Test
    void leavesOutOnlyTheLinkWhoseVariableAnObjectLacksAndCountsIt() throws Exception {
        Deployment deployment = client.apps().deployments().inNamespace("shop").resource(deployment("unlabelled",
                Map.of())).create();
        String id = deployment.getMetadata().getUid() + ";<deployment>";

        Eventually.within(WATCH, () -> assertThat(linkOf("Deployment", id, "scope-links-dashboard")).isPresent());
        assertThat(linkOf("Deployment", id, "scope-links-app")).isEmpty();
        assertThat(metricsText()).contains(
                "scope_links_links_skipped_total{link=\"app\",provider=\"Deployment\",reason=\"missing:labels.app.kubernetes.io/name\"} 1.0");
        assertScopeAccepts();
    }

    @Test
    void encodesHostileObjectValuesIntoValidUrlsAndValidJson() throws Exception {
        String hostileNote = "a b/c&d=\"e\" <script>é漢\r\nX-Injected: 1 ?#%";
        String hostileImage = "registry.example:5000/team/app@sha256:ab&c d";
        Pod pod = client.pods().inNamespace("shop").resource(pod("web-2", hostileNote, hostileImage)).create();
        String id = pod.getMetadata().getUid() + ";<pod>";

        Eventually.within(WATCH, () -> assertThat(linkOf("Pod", id, "scope-links-logs")).isPresent());

        String logs = linkOf("Pod", id, "scope-links-logs").orElseThrow();
        URI uri = URI.create(logs);
        assertThat(uri.getScheme()).isEqualTo("https");
        assertThat(uri.getHost()).isEqualTo("logs.example");
        assertThat(uri.getRawQuery()).doesNotContain(" ", "\"", "<", "\r", "\n", "&d=");
        assertThat(uri.getQuery()).startsWith("q=" + hostileNote + "&pod=web-2");
        String image = linkOf("Pod", id, "scope-links-image").orElseThrow();
        assertThat(URI.create(image).getQuery()).isEqualTo("ref=" + hostileImage);
        assertScopeAccepts();
    }

    @Test
    void answersEveryPollOfAKeptAliveConnectionWithinTheProbesBudget() throws Exception {
        for (int i = 0; i < 20; i++) {
            client.pods().inNamespace("load").resource(pod("p-" + i, "n", "nginx")).create();
        }
        Eventually.within(WATCH, () -> assertThat(poll().at("/Pod/nodes").size()).isEqualTo(20));

        for (int i = 0; i < 50; i++) {
            assertThat(probe.pollReport().status()).isEqualTo(200);
        }
        assertThat(probe.connectionsOpened()).isEqualTo(1);
    }

    private Optional<String> linkOf(String topology, String nodeId, String key) throws Exception {
        JsonNode value = poll().at("/" + topology + "/nodes").path(nodeId).path("latest").path(ReportKeys.wire(key)).path("value");
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private JsonNode poll() throws Exception {
        ProbeClient.Response response = probe.pollReport();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return JSON.readTree(response.body());
    }

    private void assertScopeAccepts() throws Exception {
        assertThat(new ReportChecker().check(probe.pollReport().body(), "scope-links")).isEmpty();
    }

    private String metricsText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Deployment deployment(String name, Map<String, String> labels) {
        return new DeploymentBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(Map.of("app", name)).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", name)).endMetadata()
                .withNewSpec().withContainers(new ContainerBuilder().withName(name).withImage("nginx").build())
                .endSpec().endTemplate().endSpec().build();
    }

    private static Service service(String name) {
        return new ServiceBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withSelector(Map.of("app", name)).endSpec().build();
    }

    private static Pod pod(String name, String note, String image) {
        return new PodBuilder().withNewMetadata().withName(name).withAnnotations(Map.of("note", note)).endMetadata()
                .withNewSpec().withContainers(new ContainerBuilder().withName("main").withImage(image).build())
                .endSpec().build();
    }
}
