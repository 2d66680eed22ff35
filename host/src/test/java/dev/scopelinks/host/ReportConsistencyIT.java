package dev.scopelinks.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopelinks.host.config.ConfigLoader;
import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.plugin.LoadedProvider;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.probe.ProbeClient;
import dev.scopelinks.host.report.ReportKeys;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plan.LinkPlanner;
import dev.scopelinks.host.testing.Eventually;
import dev.scopelinks.host.testing.MockApiOrder;
import dev.scopelinks.host.testing.TestProviderFactory;
import dev.scopelinks.host.watch.CachedFields;
import dev.scopelinks.host.watch.ClusterWatcher;
import dev.scopelinks.host.watch.ObjectSink;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.LinkProvider;
import dev.scopelinks.spi.ProviderContext;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report model against fabric8's mock API server in CRUD mode: one writer renders each object
 * from the informer cache, so the report holds exactly the objects that exist, however deletes,
 * reloads and start-up interleave; caches keep only what the config reads, and a reload that reads
 * more lists again.
 */
@Tag("fabric8-mock-server") // watches through fabric8's mock API server: failsafe reruns it (see pom.xml)
@EnableKubernetesMockClient(crud = true)
class ReportConsistencyIT {

    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ResourceType DEPLOYMENTS = ResourceType.namespaced("apps", "v1", "deployments", "Deployment");
    private static final String DEPLOYMENT_CONFIG = """
            apiVersion: scope-links/v1
            providers:
              Deployment:
                links:
                  - {id: app, label: App, url: "https://apps.example/{{labels.app}}/{{name}}"}
            """;

    // One mock server per test: a rerun after its watch-close stall (see MockApiOrder) gets a fresh one.
    KubernetesClient client;
    KubernetesMockServer server;

    @RegisterExtension
    final MockApiOrder order = new MockApiOrder();

    @TempDir
    Path root;

    private ScopeLinksHost host;
    private ProbeClient probe;

    @AfterEach
    void stop() throws Exception {
        if (probe != null) {
            probe.close();
        }
        order.close();
        client.apps().deployments().inAnyNamespace().delete();
        client.pods().inAnyNamespace().delete();
    }

    @Test
    void leavesNoGhostNodeWhenDeletesRaceConfigReloads() throws Exception {
        ProviderCatalog catalog = catalog(new SlowDeployments());
        for (int i = 0; i < 40; i++) {
            createDeployment("web-" + i, Map.of("app", "shop"), Map.of());
        }
        LinkPlan plan = plan(DEPLOYMENT_CONFIG, catalog);
        start(plan, catalog);
        Eventually.within(WITHIN, () -> assertThat(deploymentNodes().size()).isEqualTo(40));

        AtomicBoolean deleting = new AtomicBoolean(true);
        CompletableFuture<Void> reloads = CompletableFuture.runAsync(() -> {
            while (deleting.get()) {
                host.apply(plan); // re-renders every cached object, as a config change does
            }
        });
        for (int i = 0; i < 40; i += 2) {
            client.apps().deployments().inNamespace("shop").withName("web-" + i).delete();
            Thread.sleep(15); // deletes spread over the reloads, so they race them: the point of the test
        }
        deleting.set(false);
        reloads.get();

        Set<String> survivors = new HashSet<>();
        client.apps().deployments().inNamespace("shop").list().getItems()
                .forEach(d -> survivors.add(d.getMetadata().getUid() + ";<deployment>"));
        assertThat(survivors).hasSize(20);
        Eventually.within(WITHIN, () -> assertThat(nodeIds(deploymentNodes())).isEqualTo(survivors));
    }

    @Test
    void servesEveryListedObjectAsSoonAsStartReturns() throws Exception {
        ProviderCatalog catalog = catalog(new TestProviderFactory.Deployments());
        for (int i = 0; i < 30; i++) {
            createDeployment("web-" + i, Map.of("app", "shop"), Map.of());
        }

        start(plan(DEPLOYMENT_CONFIG, catalog), catalog);

        assertThat(deploymentNodes().size()).isEqualTo(30);
    }

    @Test
    void cachesOnlyTheLabelsAndAnnotationsTheConfigReads() throws Exception {
        ProviderCatalog catalog = catalog(new TestProviderFactory.Deployments());
        createDeployment("web", Map.of("app", "shop", "tier", "gold"), Map.of(
                "kubectl.kubernetes.io/last-applied-configuration", "x".repeat(20_000), "team", "checkout"));
        LinkPlan plan = plan(DEPLOYMENT_CONFIG, catalog);
        ClusterWatcher watcher = order.watcher(new ClusterWatcher(order.client(server.createClient()), List.of(),
                ClusterWatcher.DEFAULT_RECHECK, CachedFields.forPlan(plan, catalog.providers().values())));

        watcher.watch(Set.of(DEPLOYMENTS), new IgnoringSink());
        assertThat(watcher.awaitSynced(WITHIN)).isTrue();

        KubeObject cached = watcher.byName(DEPLOYMENTS, "shop", "web").orElseThrow();
        assertThat(cached.labels()).containsExactly(Map.entry("app", "shop"));
        assertThat(cached.annotations()).isEmpty();
        assertThat(cached.uid()).isNotEmpty();
    }

    @Test
    void listsAgainWhenAReloadReadsALabelTheCacheDropped() throws Exception {
        ProviderCatalog catalog = catalog(new TestProviderFactory.Deployments());
        String id = createDeployment("web", Map.of("app", "shop", "tier", "gold"), Map.of());
        start(plan(DEPLOYMENT_CONFIG, catalog), catalog);
        Eventually.within(WITHIN, () -> assertThat(link(id, "scope-links-app")).contains("https://apps.example/shop/web"));

        host.apply(plan(DEPLOYMENT_CONFIG + """
                          - {id: tier, label: Tier, url: "https://tiers.example/{{labels.tier}}"}
                    """, catalog));

        Eventually.within(WITHIN, () -> assertThat(link(id, "scope-links-tier")).contains("https://tiers.example/gold"));
        assertThat(link(id, "scope-links-app")).contains("https://apps.example/shop/web");
    }

    @Test
    void givesPhaseConditionedLinksWhenNoInstalledProviderReadsThePhase() throws Exception {
        ProviderCatalog catalog = catalog(new PodsReadingNothing());
        String config = """
                apiVersion: scope-links/v1
                providers:
                  Pod:
                    links:
                      - id: logs
                        label: Logs
                        url: "https://logs.example/{{name}}"
                        when: {phases: [Running]}
                """;
        String running = createPod("web-1", "Running");
        String pending = createPod("web-2", "Pending");

        start(plan(config, catalog), catalog);

        Eventually.within(WITHIN, () -> assertThat(linkIn("Pod", running + ";<pod>", "scope-links-logs"))
                .contains("https://logs.example/web-1"));
        assertThat(linkIn("Pod", pending + ";<pod>", "scope-links-logs")).isEmpty();
    }

    private void start(LinkPlan plan, ProviderCatalog catalog) throws Exception {
        HostSettings defaults = HostSettings.defaults(root);
        HostSettings settings = new HostSettings(root, defaults.idleTimeout(), Duration.ofSeconds(1),
                Duration.ofMillis(20), WITHIN, defaults.maxReportBytes(), 8);
        host = order.host(ScopeLinksHost.start(settings, plan, catalog, order.client(server.createClient()),
                new HostMetrics()));
        probe = new ProbeClient(host.socketPath(), Duration.ofSeconds(5), "consistency-it");
    }

    private static LinkPlan plan(String config, ProviderCatalog catalog) throws Exception {
        return new LinkPlanner().plan(new ConfigLoader(name -> null).load("links.yaml", new StringReader(config)),
                catalog);
    }

    private static ProviderCatalog catalog(TestProviderFactory factory) {
        return new ProviderCatalog(Map.of(factory.id(), new LoadedProvider(factory, "test")), List.of());
    }

    private String createDeployment(String name, Map<String, String> labels, Map<String, String> annotations) {
        return client.apps().deployments().inNamespace("shop").resource(new DeploymentBuilder().withNewMetadata()
                .withName(name).withLabels(labels).withAnnotations(annotations).endMetadata()
                .withNewSpec().withReplicas(1).endSpec().build()).create().getMetadata().getUid()
                + ";<deployment>";
    }

    private String createPod(String name, String phase) {
        return client.pods().inNamespace("shop").resource(new PodBuilder().withNewMetadata().withName(name)
                .endMetadata().withNewSpec().withContainers(new ContainerBuilder().withName("app").withImage("nginx")
                        .build()).endSpec().withNewStatus().withPhase(phase).endStatus().build()).create()
                .getMetadata().getUid();
    }

    private JsonNode deploymentNodes() throws Exception {
        return JSON.readTree(probe.pollReport().body()).at("/Deployment/nodes");
    }

    private Optional<String> link(String nodeId, String key) throws Exception {
        return linkIn("Deployment", nodeId, key);
    }

    private Optional<String> linkIn(String topology, String nodeId, String key) throws Exception {
        JsonNode value = JSON.readTree(probe.pollReport().body()).at("/" + topology + "/nodes").path(nodeId)
                .path("latest").path(ReportKeys.wire(key)).path("value");
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static Set<String> nodeIds(JsonNode nodes) {
        Set<String> ids = new HashSet<>();
        nodes.fieldNames().forEachRemaining(ids::add);
        return ids;
    }

    /** Deployments whose rendering takes a while, so that re-renders and deletes overlap. */
    static final class SlowDeployments extends TestProviderFactory {
        SlowDeployments() {
            super("Deployment", DEPLOYMENTS, ScopeTopology.DEPLOYMENT);
        }

        @Override
        public LinkProvider create(ProviderContext context) {
            LinkProvider fast = super.create(context);
            return object -> {
                try {
                    Thread.sleep(3); // a slow provider widens the race between renders and deletes
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return fast.nodesFor(object);
            };
        }
    }

    /** Pods from a provider that declares no fields: the phase condition is the host's own feature. */
    static final class PodsReadingNothing extends TestProviderFactory {
        PodsReadingNothing() {
            super("Pod", ResourceType.namespaced("", "v1", "pods", "Pod"), ScopeTopology.POD);
        }

        @Override
        public Set<String> fieldsRead() {
            return Set.of();
        }
    }

    private static final class IgnoringSink implements ObjectSink {
        @Override
        public void upsert(ResourceType type, KubeObject object) {
        }

        @Override
        public void delete(ResourceType type, KubeObject object) {
        }
    }
}
