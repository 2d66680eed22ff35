package dev.scopelinks.host.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopelinks.host.HostSettings;
import dev.scopelinks.host.ScopeLinksHost;
import dev.scopelinks.host.config.ConfigLoader;
import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plan.LinkPlanner;
import dev.scopelinks.host.probe.ProbeClient;
import dev.scopelinks.host.testing.Eventually;
import dev.scopelinks.host.testing.MockApiOrder;
import dev.scopelinks.host.testing.ProviderJars;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider's life in the host, with a provider jar built in a temporary directory and loaded
 * by its own class loader: its settings reach it from the YAML, its calls run with its own class
 * loader as the thread's context class loader, and the host closes each instance on reload and at
 * shutdown. The provider reports what it saw through its variables, read back from the real socket.
 */
@Tag("fabric8-mock-server") // watches through fabric8's mock API server: failsafe reruns it (see pom.xml)
@EnableKubernetesMockClient(crud = true)
class ProviderLifecycleIT {

    // Generous: a loaded build machine can take many seconds to deliver the first watch event.
    private static final Duration WATCH = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FACTORY = "org.example.lifecycle.LifecycleProviderFactory";

    /**
     * Offers {@code greeting} (a setting), {@code createLoader} and {@code callLoader} ("own" when
     * the context class loader was the jar's), and appends its greeting to {@code closedFile} on close.
     */
    private static final String SOURCE = """
            package org.example.lifecycle;

            import dev.scopelinks.spi.*;
            import java.io.IOException;
            import java.io.UncheckedIOException;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;
            import java.util.List;
            import java.util.Set;

            public final class LifecycleProviderFactory implements LinkProviderFactory {
                public int spiVersion() { return SpiVersion.CURRENT; }
                public String id() { return "Lifecycle"; }
                public ResourceType watches() { return ResourceType.clusterScoped("", "v1", "namespaces", "Namespace"); }
                public ScopeTopology topology() { return ScopeTopology.NAMESPACE; }
                public List<Variable> variables() {
                    return ObjectVariables.standardAnd(Variable.of("greeting", "a setting", "hello"),
                            Variable.of("createLoader", "context loader in create", "own"),
                            Variable.of("callLoader", "context loader in nodesFor", "own"));
                }
                public Set<String> settingKeys() { return Set.of("greeting", "closedFile"); }

                public LinkProvider create(ProviderContext context) {
                    String greeting = context.settings().get("greeting", "none");
                    Path closed = Path.of(context.settings().require("closedFile"));
                    String createLoader = loader();
                    return new LinkProvider() {
                        public List<ScopeNode> nodesFor(KubeObject object) {
                            return List.of(ScopeNode.of(topology(), object.uid(), ObjectVariables.standard(object)
                                    .put("greeting", greeting).put("createLoader", createLoader)
                                    .put("callLoader", loader()).build()));
                        }

                        public void close() {
                            try {
                                Files.writeString(closed, greeting + "\\n", StandardOpenOption.CREATE,
                                        StandardOpenOption.APPEND);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    };
                }

                private String loader() {
                    return Thread.currentThread().getContextClassLoader() == getClass().getClassLoader() ? "own" : "other";
                }
            }
            """;

    static KubernetesClient client;
    static KubernetesMockServer server;

    @RegisterExtension
    final MockApiOrder order = new MockApiOrder();

    @TempDir
    Path root;

    private Path closedFile;
    private ProviderCatalog catalog;
    private ScopeLinksHost host;
    private ProbeClient probe;

    @BeforeEach
    void startHostWithTheProviderJar() throws Exception {
        Path providers = Files.createDirectories(root.resolve("providers"));
        ProviderJars.build(providers, "lifecycle.jar", Map.of(FACTORY, SOURCE), List.of(FACTORY));
        closedFile = root.resolve("closed.txt");
        catalog = new ProviderLoader(getClass().getClassLoader(), Optional.of(providers)).load();
        HostSettings defaults = HostSettings.defaults(root);
        HostSettings settings = new HostSettings(root, defaults.idleTimeout(), Duration.ofSeconds(1),
                Duration.ofMillis(20), WATCH, defaults.maxReportBytes(), 8);
        host = order.host(ScopeLinksHost.start(settings, plan("hello"), catalog, order.client(server.createClient()),
                new HostMetrics()));
        probe = new ProbeClient(host.socketPath(), Duration.ofSeconds(5), "lifecycle-it");
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("team-a").endMetadata()
                .build()).create();
    }

    @AfterEach
    void stopHost() throws Exception {
        probe.close();
        order.close();
        client.namespaces().withName("team-a").delete();
    }

    @Test
    void passesItsSettingsAndRunsCreateAndEveryCallWithTheProvidersOwnContextClassLoader() throws Exception {
        Eventually.within(WATCH, () -> assertThat(links()).contains("https://tool.example/hello/own/own/team-a"));
    }

    @Test
    void closesTheReplacedInstanceOnReloadAndTheServingOneAtShutdown() throws Exception {
        Eventually.within(WATCH, () -> assertThat(links()).contains("https://tool.example/hello/own/own/team-a"));

        host.apply(plan("bye"));

        assertThat(closedFile).as("the instance the reload replaced is closed").hasContent("hello");
        Eventually.within(WATCH, () -> assertThat(links()).contains("https://tool.example/bye/own/own/team-a"));

        order.close();

        assertThat(Files.readAllLines(closedFile, StandardCharsets.UTF_8)).containsExactly("hello", "bye");
    }

    private LinkPlan plan(String greeting) throws Exception {
        String config = """
                apiVersion: scope-links/v1
                providers:
                  Lifecycle:
                    settings:
                      greeting: %s
                      closedFile: "%s"
                    links:
                      - id: tool
                        label: Tool
                        url: "https://tool.example/{{greeting}}/{{createLoader}}/{{callLoader}}/{{name}}"
                """.formatted(greeting, closedFile);
        return new LinkPlanner().plan(new ConfigLoader(name -> null).load("links.yaml", new StringReader(config)),
                catalog);
    }

    /** Every link value in the served report. */
    private List<String> links() throws Exception {
        ProbeClient.Response response = probe.pollReport();
        assertThat(response.status()).isEqualTo(200);
        JsonNode nodes = JSON.readTree(response.body()).at("/Namespace/nodes");
        return nodes.findValues("value").stream().map(JsonNode::asText).toList();
    }
}
