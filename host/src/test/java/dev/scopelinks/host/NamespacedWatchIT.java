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
import dev.scopelinks.host.testing.Eventually;
import dev.scopelinks.standin.StandInCluster;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code namespaces:} set, only those namespaces are watched. Runs against the demo's API
 * server (fabric8's CRUD store behind watches that close cleanly), not fabric8's mock API server:
 * one informer per namespace closes several watches at once, which can stall the mock (see
 * {@code MockApiOrder}). So the host here closes its informers the normal way, before its client,
 * and the test needs neither {@code MockApiOrder} nor a rerun.
 */
class NamespacedWatchIT {

    @TempDir
    Path root;

    @Test
    void linksOnlyObjectsInTheListedNamespaces() throws Exception {
        try (StandInCluster cluster = StandInCluster.start(0)) {
            linksOnlyObjectsInTheListedNamespaces(cluster.client(), cluster.newClient(false));
        }
    }

    private void linksOnlyObjectsInTheListedNamespaces(KubernetesClient client, KubernetesClient hostClient)
            throws Exception {
        ProviderCatalog catalog = new ProviderLoader(getClass().getClassLoader(), Optional.empty()).load();
        LinkPlan plan = new LinkPlanner().plan(new ConfigLoader(name -> null).load("links.yaml", new StringReader("""
                apiVersion: scope-links/v1
                namespaces: [shop, billing]
                providers:
                  Pod:
                    links:
                      - {id: logs, label: Logs, url: "https://logs.example/{{namespace}}/{{name}}"}
                """)), catalog);
        HostSettings defaults = HostSettings.defaults(root);
        Pod inShop = client.pods().inNamespace("shop").resource(pod("a")).create();
        Pod inBilling = client.pods().inNamespace("billing").resource(pod("b")).create();
        Pod elsewhere = client.pods().inNamespace("kube-system").resource(pod("c")).create();

        try (hostClient; ScopeLinksHost host = ScopeLinksHost.start(new HostSettings(root, defaults.idleTimeout(),
                Duration.ofSeconds(1), Duration.ofMillis(20), Duration.ofSeconds(10), defaults.maxReportBytes(), 4),
                plan, catalog, hostClient, new HostMetrics());
             ProbeClient probe = new ProbeClient(host.socketPath(), Duration.ofSeconds(3), "ns-it")) {
            Eventually.within(Duration.ofSeconds(10), () -> {
                JsonNode nodes = new ObjectMapper().readTree(probe.pollReport().body()).at("/Pod/nodes");
                assertThat(nodes.has(inShop.getMetadata().getUid() + ";<pod>")).isTrue();
                assertThat(nodes.has(inBilling.getMetadata().getUid() + ";<pod>")).isTrue();
                assertThat(nodes.has(elsewhere.getMetadata().getUid() + ";<pod>")).isFalse();
            });
            assertThat(host.isReady()).isTrue();
            assertThat(host.readiness()).contains("watch: synced");
        }
    }

    private static Pod pod(String name) {
        return new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
                .withContainers(new ContainerBuilder().withName("main").withImage("nginx").build()).endSpec().build();
    }
}
