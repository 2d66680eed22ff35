package dev.scopelinks.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopelinks.host.config.ConfigLoader;
import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.probe.ProbeClient;
import dev.scopelinks.host.plan.LinkPlanner;
import dev.scopelinks.host.probe.ReportChecker;
import dev.scopelinks.host.testing.Eventually;
import dev.scopelinks.host.testing.MockApiOrder;
import dev.scopelinks.host.testing.TestCatalog;
import dev.scopelinks.host.report.ReportKeys;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Link conditions, annotation links and hot reload, end to end: the host against the CRUD mock API
 * server, its config in a ConfigMap-style volume, polled through the real socket like Scope's probe.
 */
@Tag("fabric8-mock-server") // watches through fabric8's mock API server: failsafe reruns it (see pom.xml)
@EnableKubernetesMockClient(crud = true)
class ConfigFeaturesIT {

    private static final Duration WATCH = Duration.ofSeconds(10);
    /** The promise for a config change. */
    private static final Duration RELOAD = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CONFIG = """
            apiVersion: scope-links/v1
            annotationLinks:
              prefix: links.example.com
              slots:
                - {id: runbook, label: Runbook, priority: 8, kinds: [Pod]}
                - {id: oncall, label: On call, priority: 9, kinds: [Pod], namespaces: ["team-*"]}
            providers:
              Pod:
                links:
                  - id: logs
                    label: Logs
                    url: "https://logs.example.com/{{namespace}}/{{name}}"
                    priority: 1
                  - id: canary
                    label: Canary
                    url: "https://canary.example.com/{{name}}"
                    priority: 2
                    when:
                      namespaces: ["team-*"]
                      selector: "app=web,track in (canary),!legacy"
                      phases: [Running]
            """;

    static KubernetesClient client;
    static KubernetesMockServer server;

    @RegisterExtension
    final MockApiOrder order = new MockApiOrder();

    @TempDir
    Path volume;

    private final List<AutoCloseable> open = new ArrayList<>();
    private ScopeLinksHost host;
    private ProbeClient probe;
    private HostMetrics metrics;
    private int generation;

    private void start(String config) throws Exception {
        Path file = configMapVolume(config);
        ProviderCatalog catalog = TestCatalog.load();
        ConfigLoader loader = new ConfigLoader(name -> null);
        HostSettings defaults = HostSettings.defaults(volume.resolve("plugins"));
        HostSettings settings = new HostSettings(defaults.socketRoot(), defaults.idleTimeout(), Duration.ofSeconds(1),
                Duration.ofMillis(20), WATCH, defaults.maxReportBytes(), 8);
        metrics = new HostMetrics();
        host = order.host(ScopeLinksHost.start(settings, new LinkPlanner().plan(loader.load(file), catalog), catalog,
                order.client(server.createClient()), metrics));
        open.add(new ConfigReloader(file, loader, catalog, host, metrics, Duration.ofMillis(500)));
        probe = new ProbeClient(host.socketPath(), Duration.ofSeconds(5), "config-it");
        open.add(0, probe);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        order.close();
        client.pods().inAnyNamespace().delete();
        client.services().inAnyNamespace().delete();
    }

    @Test
    void givesAConditionalLinkOnlyToThePodsItSelects() throws Exception {
        start(CONFIG);
        String canary = podId(createPod("team-a", "canary-1", Map.of("app", "web", "track", "canary"), Map.of()));
        String stable = podId(createPod("team-a", "stable-1", Map.of("app", "web", "track", "stable"), Map.of()));
        String legacy = podId(createPod("team-a", "legacy-1", Map.of("app", "web", "track", "canary", "legacy", "y"),
                Map.of()));
        String elsewhere = podId(createPod("shop", "canary-2", Map.of("app", "web", "track", "canary"), Map.of()));

        Eventually.within(WATCH, () -> assertThat(poll().at("/Pod/nodes").size()).isEqualTo(4));

        assertThat(link(canary, "scope-links-canary")).contains("https://canary.example.com/canary-1");
        assertThat(link(stable, "scope-links-canary")).isEmpty();
        assertThat(link(legacy, "scope-links-canary")).isEmpty();
        assertThat(link(elsewhere, "scope-links-canary")).isEmpty();
        assertThat(link(elsewhere, "scope-links-logs")).contains("https://logs.example.com/shop/canary-2");
        assertScopeAccepts();
    }

    @Test
    void servesAnnotationLinksAsWrittenAndCountsUndeclaredSlots() throws Exception {
        start(CONFIG);
        String team = podId(createPod("team-a", "api-1", Map.of(), Map.of(
                "links.example.com/runbook", "https://wiki.example.com/runbooks/api?section=a&b=%7B%7D",
                "links.example.com/oncall", "https://pager.example.com/team-a",
                "links.example.com/grafana", "https://grafana.example.com/")));
        String shop = podId(createPod("shop", "api-2", Map.of(), Map.of(
                "links.example.com/runbook", "javascript:alert(document.cookie)",
                "links.example.com/oncall", "https://pager.example.com/shop")));

        Eventually.within(WATCH, () -> assertThat(link(team, "scope-links-runbook")).isPresent());

        assertThat(link(team, "scope-links-runbook")).contains("https://wiki.example.com/runbooks/api?section=a&b=%7B%7D");
        assertThat(link(team, "scope-links-oncall")).contains("https://pager.example.com/team-a");
        Eventually.within(WATCH, () -> assertThat(link(shop, "scope-links-logs")).isPresent());
        assertThat(link(shop, "scope-links-runbook")).isEmpty();
        assertThat(link(shop, "scope-links-oncall")).isEmpty();
        JsonNode template = poll().at("/Pod/metadata_templates/" + ReportKeys.wire("scope-links-runbook"));
        assertThat(template.get("label").asText()).isEqualTo("Runbook");
        assertThat(template.get("priority").asDouble()).isEqualTo(8.0);
        assertThat(metricsText())
                .contains("scope_links_links_skipped_total{link=\"annotations\",provider=\"Pod\",reason=\"undeclared-slot\"}")
                .contains("scope_links_links_skipped_total{link=\"runbook\",provider=\"Pod\",reason=\"invalid-annotation\"}")
                .contains("scope_links_links_skipped_total{link=\"oncall\",provider=\"Pod\",reason=\"namespace-not-allowed\"}");
        assertScopeAccepts();
    }

    @Test
    void leavesOffAnnotationLinksThatReadAsAnotherHostAndServesInternationalHostsInPunycode() throws Exception {
        start(CONFIG);
        String first = podId(createPod("team-b", "api-3", Map.of(), Map.of(
                "links.example.com/runbook", "https://ok.example.com@evil.example/",
                "links.example.com/oncall", "https://b\u00FCcher.example/team-b")));
        String second = podId(createPod("team-c", "api-4", Map.of(), Map.of(
                "links.example.com/runbook", "https://wiki.example.com/\u202Egpj.exe",
                "links.example.com/oncall", "https://ex\u0430mple.com/pager")));

        Eventually.within(WATCH, () -> assertThat(link(first, "scope-links-oncall")).isPresent());
        Eventually.within(WATCH, () -> assertThat(link(second, "scope-links-logs")).isPresent());

        assertThat(link(first, "scope-links-oncall")).contains("https://xn--bcher-kva.example/team-b");
        assertThat(link(first, "scope-links-runbook")).isEmpty();
        assertThat(link(second, "scope-links-runbook")).isEmpty();
        assertThat(link(second, "scope-links-oncall")).isEmpty();
        assertThat(metricsText())
                .contains("scope_links_links_skipped_total{link=\"runbook\",provider=\"Pod\",reason=\"unsafe-link:userinfo\"}")
                .contains("scope_links_links_skipped_total{link=\"runbook\",provider=\"Pod\",reason=\"unsafe-link:bidi\"}")
                .contains("scope_links_links_skipped_total{link=\"oncall\",provider=\"Pod\",reason=\"unsafe-link:look-alike-host\"}");
        assertScopeAccepts();
    }

    @Test
    void appliesAConfigMapUpdateWithinTwoSecondsOnTheSameConnectionWithoutRelisting() throws Exception {
        start(CONFIG);
        String pod = podId(createPod("shop", "web-1", Map.of("app", "web"), Map.of()));
        Eventually.within(WATCH, () -> assertThat(link(pod, "scope-links-logs")).isPresent());
        int requestsBefore = server.getRequestCount();

        long swapped = System.nanoTime();
        swapConfigMap(CONFIG.replace("https://logs.example.com/{{namespace}}/{{name}}",
                "https://logs.example.com/v2/{{namespace}}/{{name}}").replace("label: Logs", "label: Logs v2"));

        Eventually.within(RELOAD, () -> assertThat(link(pod, "scope-links-logs"))
                .contains("https://logs.example.com/v2/shop/web-1"));
        System.out.printf("config reload applied %d ms after the ConfigMap swap%n", (System.nanoTime() - swapped) / 1_000_000);
        assertThat(poll().at("/Pod/metadata_templates/" + ReportKeys.wire("scope-links-logs") + "/label").asText()).isEqualTo("Logs v2");
        assertThat(probe.connectionsOpened()).isEqualTo(1);
        // Same kinds: the Pod informer keeps running, so the API server sees no new list or watch.
        assertThat(server.getRequestCount()).isEqualTo(requestsBefore);
        assertThat(metricsText()).contains("scope_links_config_reloads_total{result=\"applied\"} 1.0");
        assertScopeAccepts();
    }

    @Test
    void rejectsAnInvalidUpdateAndKeepsServingTheLastGoodConfig() throws Exception {
        start(CONFIG);
        String pod = podId(createPod("shop", "web-1", Map.of(), Map.of()));
        Eventually.within(WATCH, () -> assertThat(link(pod, "scope-links-logs")).isPresent());

        swapConfigMap(CONFIG.replace("{{namespace}}/{{name}}", "{{namespce}}/{{name}}"));

        Eventually.within(RELOAD, () -> assertThat(metricsText())
                .contains("scope_links_config_reloads_total{result=\"rejected\"} 1.0"));
        assertThat(link(pod, "scope-links-logs")).contains("https://logs.example.com/shop/web-1");
        assertScopeAccepts();

        swapConfigMap(CONFIG.replace("https://logs.example.com/", "https://logs2.example.com/"));
        Eventually.within(RELOAD, () -> assertThat(link(pod, "scope-links-logs"))
                .contains("https://logs2.example.com/shop/web-1"));
    }

    @Test
    void startsWatchingAKindAddedByAReloadAndDropsTheNodesOfARemovedOne() throws Exception {
        start(CONFIG);
        String pod = podId(createPod("shop", "web-1", Map.of(), Map.of()));
        String service = client.services().inNamespace("shop").resource(new ServiceBuilder().withNewMetadata()
                .withName("web").endMetadata().withNewSpec().endSpec().build()).create().getMetadata().getUid()
                + ";<service>";
        Eventually.within(WATCH, () -> assertThat(link(pod, "scope-links-logs")).isPresent());
        assertThat(poll().at("/Service/nodes").has(service)).isFalse();

        swapConfigMap("""
                apiVersion: scope-links/v1
                providers:
                  Service:
                    links:
                      - {id: svc, label: Service, url: "https://svc.example.com/{{namespace}}/{{name}}"}
                """);

        Eventually.within(WATCH, () -> assertThat(poll().at("/Service/nodes/" + service.replace("/", "~1")
                + "/latest/" + ReportKeys.wire("scope-links-svc") + "/value").asText()).isEqualTo("https://svc.example.com/shop/web"));
        assertThat(poll().at("/Pod/nodes").size()).isZero();
        assertScopeAccepts();
    }

    /** Lays the config out as kubelet mounts a ConfigMap: file -> ..data/file, ..data -> a timestamped dir. */
    private Path configMapVolume(String config) throws Exception {
        Path dir = volume.resolve("..gen-" + generation);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("links.yaml"), config);
        Files.createSymbolicLink(volume.resolve("..data"), dir.getFileName());
        Path file = volume.resolve("links.yaml");
        Files.createSymbolicLink(file, Path.of("..data", "links.yaml"));
        return file;
    }

    /** Updates the volume the way kubelet does: a new dir, a temporary symlink, and an atomic rename over ..data. */
    private void swapConfigMap(String config) throws Exception {
        generation++;
        Path dir = volume.resolve("..gen-" + generation);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("links.yaml"), config);
        Path temporary = volume.resolve("..data_tmp");
        Files.createSymbolicLink(temporary, dir.getFileName());
        Files.move(temporary, volume.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
    }

    private Pod createPod(String namespace, String name, Map<String, String> labels, Map<String, String> annotations) {
        return client.pods().inNamespace(namespace).resource(new PodBuilder().withNewMetadata().withName(name)
                .withLabels(labels).withAnnotations(annotations).endMetadata()
                .withNewSpec().withContainers(new ContainerBuilder().withName("main").withImage("nginx").build())
                .endSpec().withNewStatus().withPhase("Running").endStatus().build()).create();
    }

    private static String podId(Pod pod) {
        return pod.getMetadata().getUid() + ";<pod>";
    }

    private Optional<String> link(String nodeId, String key) throws Exception {
        JsonNode value = poll().at("/Pod/nodes").path(nodeId).path("latest").path(ReportKeys.wire(key)).path("value");
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private JsonNode poll() throws Exception {
        ProbeClient.Response response = probe.pollReport();
        assertThat(response.status()).isEqualTo(200);
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
}
