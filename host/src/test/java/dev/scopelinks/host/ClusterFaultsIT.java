package dev.scopelinks.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopelinks.host.config.ConfigLoader;
import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.probe.ProbeClient;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plan.LinkPlanner;
import dev.scopelinks.host.testing.Eventually;
import dev.scopelinks.host.testing.ScriptedApiServer;
import dev.scopelinks.host.testing.TestCatalog;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The host against a scripted API server that fails the ways real ones do: gone for a while,
 * malformed watch events, ERROR events. The report keeps the last good data, readiness says when it
 * goes stale, and the watch comes back on its own.
 */
class ClusterFaultsIT {

    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG = """
            apiVersion: scope-links/v1
            providers:
              Deployment:
                links:
                  - {id: dashboard, label: Dashboard, url: "https://dash.example/{{namespace}}/{{name}}"}
            """;

    @TempDir
    Path root;

    private ScriptedApiServer api;
    private KubernetesClient client;
    private ScopeLinksHost host;
    private ProbeClient probe;
    private final HostMetrics metrics = new HostMetrics();

    @BeforeEach
    void startApi() throws Exception {
        api = ScriptedApiServer.start();
        api.put("shop", "web", "uid-web");
        client = api.newClient();
    }

    @AfterEach
    void stop() {
        if (probe != null) {
            probe.close();
        }
        if (host != null) {
            host.close();
        }
        client.close();
        api.close();
    }

    @Test
    void turnsNotReadyWhenTheApiIsGoneKeepsTheLastReportAndRecoversOnItsOwn() throws Exception {
        startHost(Duration.ofSeconds(2));
        Eventually.within(WITHIN, () -> assertThat(host.isReady()).isTrue());
        assertThat(nodes().has("uid-web;<deployment>")).isTrue();

        api.kill();

        Eventually.within(WITHIN, () -> assertThat(host.isReady()).isFalse());
        assertThat(host.readiness()).contains("stale: deployments.apps/v1 in all namespaces: no working watch for")
                .contains("serving the last good data");
        assertThat(metricsText()).containsPattern(
                "scope_links_watch_stale_seconds\\{resource=\"deployments.apps/v1\"} [1-9]");
        assertThat(nodes().has("uid-web;<deployment>")).as("the last good report keeps serving").isTrue();

        api.put("shop", "cart", "uid-cart");
        api.restart();

        Eventually.within(WITHIN, () -> assertThat(host.isReady()).isTrue());
        Eventually.within(WITHIN, () -> assertThat(nodes().has("uid-cart;<deployment>")).isTrue());
        assertThat(host.readiness()).doesNotContain("stale:");
        // The gauge follows on the next health check, so it may trail readiness by one interval.
        Eventually.within(WITHIN, () -> assertThat(metricsText())
                .contains("scope_links_watch_stale_seconds{resource=\"deployments.apps/v1\"} 0.0"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"type\":\"ADDED\",\"object\":{\"kind\":\"Deployment\",\"metadata\":{\"name\":",
        "{\"type\":\"ADDED\",\"object\":[1,2,3]}",
        "{\"type\":\"BOGUS\",\"object\":{\"kind\":\"Deployment\",\"metadata\":{\"name\":\"x\"}}}",
        "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                + "\"code\":500,\"message\":\"etcd leader changed\"}}"})
    void watchesOnAfterABadWatchEventAndSeesWhatChangedMeanwhile(String event) throws Exception {
        startHost(Duration.ofSeconds(30));
        Eventually.within(WITHIN, () -> assertThat(api.openWatches()).isEqualTo(1));
        int watchesBefore = api.watchRequests();

        api.send(event);
        api.kill(); // what changes now is only seen by a new list or watch
        api.put("shop", "cart", "uid-cart");
        api.restart();

        Eventually.within(WITHIN, () -> assertThat(nodes().has("uid-cart;<deployment>")).isTrue());
        Eventually.within(WITHIN, () -> assertThat(api.openWatches()).isEqualTo(1));
        assertThat(api.watchRequests()).isGreaterThan(watchesBefore);
        Eventually.within(WITHIN, () -> assertThat(host.isReady()).isTrue());
    }

    @Test
    void neverGivesUpOnAWatchThatFabric8WouldStop() throws Exception {
        startHost(Duration.ofSeconds(30));
        Eventually.within(WITHIN, () -> assertThat(api.openWatches()).isEqualTo(1));
        int listsBefore = api.lists();
        int watchesBefore = api.watchRequests();

        // fabric8's default stops the informer for good on a watch closed by an undecodable event.
        api.send("not json at all");

        Eventually.within(WITHIN, () -> assertThat(api.lists()).isGreaterThan(listsBefore));
        Eventually.within(WITHIN, () -> assertThat(api.watchRequests()).isGreaterThan(watchesBefore));
        Eventually.within(WITHIN, () -> assertThat(host.isReady()).isTrue());
        api.put("shop", "cart", "uid-cart");
        Eventually.within(WITHIN, () -> assertThat(nodes().has("uid-cart;<deployment>")).isTrue());
        assertThat(metricsText()).containsPattern(
                "scope_links_watch_errors_total\\{resource=\"deployments.apps/v1\"} [1-9]");
    }

    private void startHost(Duration staleAfter) throws Exception {
        ProviderCatalog catalog = TestCatalog.load();
        LinkPlan plan = new LinkPlanner().plan(new ConfigLoader(name -> null).load("links.yaml",
                new StringReader(CONFIG)), catalog);
        HostSettings defaults = HostSettings.defaults(root);
        HostSettings settings = new HostSettings(root, defaults.idleTimeout(), Duration.ofSeconds(1),
                Duration.ofMillis(20), WITHIN, defaults.maxReportBytes(), 8);
        host = ScopeLinksHost.start(settings, plan, catalog, client, metrics, new ScopeLinksHost.Watching(
                Duration.ofSeconds(30), staleAfter, Duration.ofSeconds(60), Duration.ofMillis(200)));
        probe = new ProbeClient(host.socketPath(), Duration.ofSeconds(5), "faults-it");
    }

    private JsonNode nodes() throws Exception {
        return JSON.readTree(probe.pollReport().body()).at("/Deployment/nodes");
    }

    private String metricsText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
