package dev.scopelinks.host.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopelinks.host.config.ConfigLoader;
import dev.scopelinks.host.plugin.LoadedProvider;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plan.LinkPlanner;
import dev.scopelinks.spi.LinkProvider;
import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.spi.ObjectVariables;
import dev.scopelinks.spi.ProviderContext;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;
import dev.scopelinks.spi.Variable;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NamespacedAccessTest {

    private static final ResourceType DEPLOYMENTS = ResourceType.namespaced("apps", "v1", "deployments", "Deployment");
    private static final ResourceType PVS = ResourceType.clusterScoped("", "v1", "persistentvolumes",
            "PersistentVolume");
    private static final ResourceType NODES = ResourceType.clusterScoped("", "v1", "nodes", "Node");

    private final ProviderCatalog catalog = catalog(
            new Factory("Deployment", DEPLOYMENTS, ScopeTopology.DEPLOYMENT, Set.of()),
            new Factory("PersistentVolume", PVS, ScopeTopology.PERSISTENT_VOLUME, Set.of()),
            new Factory("NodeAwareDeployment", DEPLOYMENTS, ScopeTopology.DEPLOYMENT, Set.of(NODES)));

    @Test
    void acceptsNamespacedProvidersWhenNamespacesAreListed() throws Exception {
        LinkPlan plan = plan("namespaces: [team-a, team-b]\n", "Deployment");

        assertThat(NamespacedAccess.problems(plan)).isEmpty();
    }

    @Test
    void refusesClusterScopedProviderNamingItAndTheFile() throws Exception {
        LinkPlan plan = plan("namespaces: [team-a]\n", "Deployment", "PersistentVolume");

        assertThatThrownBy(() -> NamespacedAccess.require(plan))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("links.yaml: provider PersistentVolume needs persistentvolumes/v1, which is "
                        + "cluster-wide")
                .hasMessageContaining("1 problem with --namespaced; nothing was started")
                .hasMessageNotContaining("provider Deployment");
    }

    @Test
    void refusesProviderThatLooksUpClusterScopedObjects() throws Exception {
        LinkPlan plan = plan("namespaces: [team-a]\n", "NodeAwareDeployment");

        assertThat(NamespacedAccess.problems(plan)).singleElement().asString()
                .contains("provider NodeAwareDeployment needs nodes/v1");
    }

    @Test
    void refusesConfigWithoutNamespaces() throws Exception {
        LinkPlan plan = plan("", "Deployment");

        assertThat(NamespacedAccess.problems(plan)).singleElement().asString()
                .contains("--namespaced needs the namespaces to watch");
    }

    @Test
    void validateExitsWithInvalidInputOnlyWhenNamespacedIsAsked() throws Exception {
        Path file = Files.createTempFile("links", ".yaml");
        try {
            // No providers at all: valid, but a --namespaced host must still be told which namespaces to read.
            Files.writeString(file, "apiVersion: scope-links/v1\nplugin: {id: links, label: Links}\n"
                    + "providers: {}\n");
            StringWriter err = new StringWriter();
            PrintWriter errWriter = new PrintWriter(err);
            PrintWriter out = new PrintWriter(new StringWriter());

            int plain = ScopeLinksCli.run(new String[] {"validate", file.toString()}, out, errWriter);
            int namespaced = ScopeLinksCli.run(new String[] {"validate", "--namespaced", file.toString()}, out,
                    errWriter);

            assertThat(plain).isEqualTo(ExitCodes.OK);
            assertThat(namespaced).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(err.toString()).contains("--namespaced needs the namespaces to watch");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private LinkPlan plan(String namespaces, String... providers) throws Exception {
        StringBuilder yaml = new StringBuilder("apiVersion: scope-links/v1\nplugin: {id: links, label: Links}\n")
                .append(namespaces).append("providers:\n");
        for (String provider : providers) {
            yaml.append("  ").append(provider).append(":\n    links:\n      - id: home\n        label: Home\n")
                    .append("        url: \"https://example.com/{{name}}\"\n");
        }
        return new LinkPlanner().plan(new ConfigLoader(name -> null).load("links.yaml",
                new StringReader(yaml.toString())), catalog);
    }

    private static ProviderCatalog catalog(Factory... factories) {
        Map<String, LoadedProvider> providers = new LinkedHashMap<>();
        for (Factory factory : factories) {
            providers.put(factory.id(), new LoadedProvider(factory, "test class path"));
        }
        return new ProviderCatalog(providers, List.of());
    }

    /** A provider that only declares what it watches; these tests never run it. */
    private record Factory(String id, ResourceType watches, ScopeTopology topology, Set<ResourceType> dependsOn)
            implements LinkProviderFactory {

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
