package dev.scopelinks.testkit;

import dev.scopelinks.host.config.ConfigException;
import dev.scopelinks.host.config.ConfigLoader;
import dev.scopelinks.host.config.ScopeLinksConfig;
import dev.scopelinks.host.plugin.LoadedProvider;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plan.LinkPlanner;
import dev.scopelinks.host.render.ObjectRenderer;
import dev.scopelinks.host.plan.ProviderPlan;
import dev.scopelinks.host.render.RenderedNode;
import dev.scopelinks.host.probe.ReportChecker;
import dev.scopelinks.host.report.ReportLayout;
import dev.scopelinks.host.report.ReportModel;
import dev.scopelinks.host.report.ReportPublisher;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.LinkProvider;
import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.spi.ProviderContext;
import dev.scopelinks.spi.ScopeNode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a provider the way the host does, without a cluster or a socket: objects written as YAML go
 * through the provider, the operator's link templates are rendered for each node, and the result
 * is written as the report the host would serve, ready to be judged with Scope's rules.
 *
 * <p>Example:
 * <pre>{@code
 * ProviderHarness.Run run = ProviderHarness.of(new PodLinkProviderFactory())
 *         .withConfig("""
 *             providers:
 *               Pod:
 *                 links:
 *                   - {id: logs, label: Logs, url: "https://logs.example/{{namespace}}/{{name}}"}
 *             """)
 *         .withCached(replicaSetYaml, nodeYaml)
 *         .run(podYaml);
 * assertThat(run.nodeIds()).containsExactly("3f1c;<pod>");
 * assertThat(run.links("3f1c;<pod>")).containsEntry("logs", "https://logs.example/shop/web-1");
 * assertThat(run.reportFindings()).isEmpty();
 * }</pre>
 *
 * <p>A config without {@code apiVersion} gets {@code apiVersion: scope-links/v1} put in front, so a
 * test can write just the {@code providers} block. Instances are immutable.
 */
public final class ProviderHarness {

    private static final String SOURCE = "test config";

    private final LinkProviderFactory factory;
    private final String config;
    private final List<KubeObject> cached;

    private ProviderHarness(LinkProviderFactory factory, String config, List<KubeObject> cached) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.config = config;
        this.cached = List.copyOf(cached);
    }

    /** A harness for {@code factory}, with no links configured and nothing in the cache. */
    public static ProviderHarness of(LinkProviderFactory factory) {
        return new ProviderHarness(factory, null, List.of());
    }

    /** The same harness with this scope-links config (YAML); its templates are checked against the provider. */
    public ProviderHarness withConfig(String yaml) {
        return new ProviderHarness(factory, Objects.requireNonNull(yaml, "yaml"), cached);
    }

    /** The same harness with these objects (YAML) in the cache the provider's look-ups read. */
    public ProviderHarness withCached(String... yaml) {
        List<KubeObject> objects = new ArrayList<>(cached);
        Arrays.stream(yaml).map(TestObjects::fromYaml).forEach(objects::add);
        return new ProviderHarness(factory, config, objects);
    }

    /**
     * Runs {@code objects} (YAML) through a new provider instance, renders their links and writes
     * the report.
     *
     * @throws IllegalStateException when the config is rejected, with every error the host would print
     */
    public Run run(String... objects) {
        return runObjects(Arrays.stream(objects).map(TestObjects::fromYaml).toList());
    }

    /** Like {@link #run(String...)}, for objects already built. */
    public Run runObjects(List<KubeObject> objects) {
        LinkPlan plan = plan();
        ProviderPlan providerPlan = plan.providers().get(0);
        ProviderContext context = ProviderContext.builder().clusterName(plan.config().cluster())
                .lookup(new CachedObjects(cached)).settings(providerPlan.settings()).build();
        try (LinkProvider provider = providerPlan.provider().create(context)) {
            return run(plan, providerPlan, provider, objects);
        }
    }

    private Run run(LinkPlan plan, ProviderPlan providerPlan, LinkProvider provider, List<KubeObject> objects) {
        List<String> skips = new ArrayList<>();
        ObjectRenderer renderer = new ObjectRenderer(providerPlan, provider,
                (providerId, linkId, object, skipped) -> skips.add(linkId + " on " + object + ": " + skipped.reason()
                        + " (" + skipped.detail() + ")"));
        List<ScopeNode> nodes = new ArrayList<>();
        ReportModel model = new ReportModel(Clock.systemUTC());
        Map<String, Map<String, String>> links = new LinkedHashMap<>();
        for (KubeObject object : objects) {
            nodes.addAll(provider.nodesFor(object));
            List<RenderedNode> rendered = renderer.render(object);
            model.put(factory.topology(), object.uid(), rendered);
            rendered.forEach(node -> links.put(node.nodeId(), byLinkId(plan.config().plugin().id(), node.links())));
        }
        byte[] report = report(plan, model);
        return new Run(plan.config().plugin().id(), nodes, links, skips, report);
    }

    private LinkPlan plan() {
        String text = config != null ? config : "providers:\n  " + factory.id() + ":\n    links: []\n";
        if (!text.contains("apiVersion:")) {
            text = "apiVersion: " + ScopeLinksConfig.API_VERSION + "\n" + text;
        }
        try {
            ScopeLinksConfig loaded = new ConfigLoader(name -> null).load(SOURCE, new StringReader(text));
            ProviderCatalog catalog = new ProviderCatalog(Map.of(factory.id(), new LoadedProvider(factory, "test")),
                    List.of());
            LinkPlan plan = new LinkPlanner().plan(loaded, catalog);
            if (plan.providers().size() != 1) {
                throw new IllegalStateException("the config must configure exactly provider " + factory.id());
            }
            return plan;
        } catch (ConfigException e) {
            throw new IllegalStateException("the config is rejected:\n" + e.getMessage(), e);
        }
    }

    private static Map<String, String> byLinkId(String pluginId, Map<String, String> links) {
        Map<String, String> byId = new LinkedHashMap<>();
        links.forEach((key, url) -> byId.put(key.substring(pluginId.length() + 1), url));
        return byId;
    }

    private static byte[] report(LinkPlan plan, ReportModel model) {
        ReportPublisher publisher = new ReportPublisher(model, ReportLayout.of(plan), Duration.ZERO,
                Long.MAX_VALUE, (snapshot, nanos) -> { });
        try {
            publisher.flush();
            return publisher.body().toByteArray();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the report", e);
        } finally {
            publisher.close();
        }
    }

    /**
     * What one run produced.
     *
     * @param pluginId the plugin id of the config, as the socket would be named
     * @param nodes    every node the provider returned, with its variables, in order
     * @param links    node id to link id to URL, for nodes that got at least one link
     * @param skipped  one readable line per link left off an object, with the reason
     * @param report   the report bytes the host would serve for these objects
     */
    public record Run(String pluginId, List<ScopeNode> nodes, Map<String, Map<String, String>> links,
                      List<String> skipped, byte[] report) {

        public Run {
            nodes = List.copyOf(nodes);
            links = Map.copyOf(links);
            skipped = List.copyOf(skipped);
        }

        /** The node ids, in the order the provider returned them. */
        public List<String> nodeIds() {
            return nodes.stream().map(ScopeNode::nodeId).toList();
        }

        /** The variables of node {@code nodeId}. */
        public Map<String, String> variables(String nodeId) {
            return node(nodeId).map(ScopeNode::variables)
                    .orElseThrow(() -> new IllegalArgumentException("no node " + nodeId + " in " + nodeIds()));
        }

        /** Link id to URL for node {@code nodeId}; empty when it got no link. */
        public Map<String, String> links(String nodeId) {
            return links.getOrDefault(nodeId, Map.of());
        }

        /** The report as text. */
        public String reportText() {
            return new String(report, StandardCharsets.UTF_8);
        }

        /** What Scope's probe and app would find wrong with the report; empty when Scope takes it as is. */
        public List<ReportChecker.Finding> reportFindings() {
            return new ReportChecker().check(report, pluginId);
        }

        private Optional<ScopeNode> node(String nodeId) {
            return nodes.stream().filter(node -> node.nodeId().equals(nodeId)).findFirst();
        }
    }
}
