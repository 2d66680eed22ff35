package dev.scopelinks.dist;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.scopelinks.providers.cronjobs.CronJobLinkProviderFactory;
import dev.scopelinks.providers.deployments.DeploymentLinkProviderFactory;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.host.report.ReportKeys;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CronJobs on a cluster that does not serve {@code batch/v1beta1} (Kubernetes 1.25 and later):
 * Scope shows none there, so neither may scope-links; once the API is served, links follow
 * without a restart.
 */
@Tag("fabric8-mock-server") // watches through fabric8's mock API server: failsafe reruns it (see pom.xml)
@EnableKubernetesMockClient(crud = true)
class OptionalApiIT {

    private static final String CONFIG = """
            apiVersion: scope-links/v1
            providers:
              Deployment:
                links: [{id: dash, label: Dashboard, url: "https://dash.example/deployment/{{namespace}}/{{name}}"}]
              CronJob:
                links: [{id: dash, label: Dashboard, url: "https://dash.example/cronjob/{{namespace}}/{{name}}"}]
            """;

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path sockets;

    @Test
    void reportsCronJobsDegradedWhileTheApiIsNotServedAndLinksThemOnceItIs() throws Exception {
        MockObjects objects = new MockObjects(client);
        String deployment = objects.create(DeploymentLinkProviderFactory.DEPLOYMENTS, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                """).getMetadata().getUid();
        String cronJob = objects.create(CronJobLinkProviderFactory.RESOURCE, """
                apiVersion: batch/v1beta1
                kind: CronJob
                metadata: {name: backup, namespace: shop}
                spec: {schedule: "0 2 * * *"}
                """).getMetadata().getUid();
        ProviderCatalog catalog = new ProviderLoader(getClass().getClassLoader(), Optional.empty()).load();
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
            byte[] before = ReportAssertions.awaitNodes(probe,
                    Map.of("Deployment", List.of(ScopeTopology.DEPLOYMENT.nodeId(deployment))), Duration.ofSeconds(20));

            assertThat(ReportAssertions.parse(before).path("CronJob").path("nodes").size())
                    .as("no CronJob nodes Scope would not draw").isZero();
            assertThat(host.degradedProviders()).containsOnlyKeys("CronJob");
            assertThat(host.readiness()).contains("degraded: provider CronJob not ready: ")
                    .contains("cronjobs in batch/v1beta1");
            assertThat(host.isReady()).as("the other providers are served").isTrue();

            server.expectCustomResource(MockObjects.discoverable(CronJobLinkProviderFactory.RESOURCE));
            byte[] after = ReportAssertions.awaitNodes(probe,
                    Map.of("CronJob", List.of(ScopeTopology.CRON_JOB.nodeId(cronJob))), Duration.ofSeconds(20));

            JsonNode node = ReportAssertions.parse(after).path("CronJob").path("nodes")
                    .path(ScopeTopology.CRON_JOB.nodeId(cronJob));
            assertThat(node.path("latest").path(ReportKeys.wire("scope-links-dash")).path("value").asText())
                    .isEqualTo("https://dash.example/cronjob/shop/backup");
            assertThat(host.degradedProviders()).isEmpty();
            assertThat(host.readiness()).doesNotContain("degraded");
            assertThat(new ReportChecker().check(after, "scope-links")).isEmpty();
        }
    }
}
