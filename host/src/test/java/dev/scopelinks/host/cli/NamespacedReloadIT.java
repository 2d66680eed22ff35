package dev.scopelinks.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.host.ConfigReloader;
import dev.scopelinks.host.HostSettings;
import dev.scopelinks.host.ScopeLinksHost;
import dev.scopelinks.host.config.ConfigLoader;
import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.plugin.LoadedProvider;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.probe.ProbeClient;
import dev.scopelinks.host.plan.LinkPlanner;
import dev.scopelinks.host.testing.Eventually;
import dev.scopelinks.spi.LinkProvider;
import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.spi.ObjectVariables;
import dev.scopelinks.spi.ProviderContext;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;
import dev.scopelinks.spi.Variable;
import dev.scopelinks.standin.StandInCluster;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host started with {@code --namespaced} also refuses a reloaded config that needs cluster-wide
 * read. Runs against the demo's stand-in API server, which this test starts and stops itself.
 */
class NamespacedReloadIT {

    private static final Duration RELOAD = Duration.ofSeconds(5);
    private static final String CONFIG = """
            apiVersion: scope-links/v1
            plugin: {id: links, label: Links}
            namespaces: [team-a]
            providers:
              Deployment:
                links:
                  - {id: home, label: Home, url: "https://example.com/{{namespace}}/{{name}}"}
            """;

    @TempDir
    Path dir;

    @Test
    void refusesAReloadedClusterScopedProviderAndKeepsServingThenAppliesAnAllowedChange() throws Exception {
        ProviderCatalog catalog = catalog(
                new Factory("Deployment", ResourceType.namespaced("apps", "v1", "deployments", "Deployment"),
                        ScopeTopology.DEPLOYMENT),
                new Factory("PersistentVolume", ResourceType.clusterScoped("", "v1", "persistentvolumes",
                        "PersistentVolume"), ScopeTopology.PERSISTENT_VOLUME));
        Path file = dir.resolve("links.yaml");
        Files.writeString(file, CONFIG);
        ConfigLoader loader = new ConfigLoader(name -> null);
        AccessOptions access = new AccessOptions();
        access.namespaced = true;
        HostMetrics metrics = new HostMetrics();

        try (StandInCluster cluster = StandInCluster.start(0);
             ScopeLinksHost host = ScopeLinksHost.start(HostSettings.defaults(dir.resolve("plugins")),
                new LinkPlanner().plan(loader.load(file), catalog), catalog, cluster.client(), metrics);
             ConfigReloader reloader = new ConfigReloader(file, loader, catalog, host, metrics,
                     Duration.ofMillis(100), access.reloadCheck());
             ProbeClient probe = new ProbeClient(host.socketPath(), Duration.ofSeconds(5), "namespaced-it")) {

            Files.writeString(file, CONFIG + """
                      PersistentVolume:
                        links:
                          - {id: home, label: Home, url: "https://example.com/pv/{{name}}"}
                    """);

            Eventually.within(RELOAD, () -> assertThat(metricsText(metrics))
                    .contains("scope_links_config_reloads_total{result=\"rejected\"} 1.0"));
            assertThat(probe.pollReport().status()).isEqualTo(200);

            Files.writeString(file, CONFIG.replace("https://example.com/", "https://example.org/"));

            Eventually.within(RELOAD, () -> assertThat(metricsText(metrics))
                    .contains("scope_links_config_reloads_total{result=\"applied\"} 1.0"));
            // The test's provider gives no nodes, and the report carries templates only for
            // topologies with nodes: the applied plan shows the change, the socket keeps serving.
            assertThat(host.plan().providers().get(0).links().get(0).config().url().text())
                    .startsWith("https://example.org/");
            assertThat(probe.pollReport().status()).isEqualTo(200);
        }
    }

    private static String metricsText(HostMetrics metrics) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ProviderCatalog catalog(Factory... factories) {
        Map<String, LoadedProvider> providers = new LinkedHashMap<>();
        for (Factory factory : factories) {
            providers.put(factory.id(), new LoadedProvider(factory, "test class path"));
        }
        return new ProviderCatalog(providers, List.of());
    }

    /** A provider that declares what it watches and gives no nodes; the check only reads the declaration. */
    private record Factory(String id, ResourceType watches, ScopeTopology topology) implements LinkProviderFactory {

        @Override
        public int spiVersion() {
            return SpiVersion.CURRENT;
        }

        @Override
        public List<Variable> variables() {
            return ObjectVariables.STANDARD;
        }

        @Override
        public LinkProvider create(ProviderContext context) {
            return object -> List.of();
        }
    }
}
