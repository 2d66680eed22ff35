package dev.scopelinks.host.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopelinks.host.probe.ReportChecker;
import dev.scopelinks.host.render.RenderedNode;
import dev.scopelinks.spi.ScopeTopology;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReportWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String X = ReportKeys.wire("scope-links-x");
    private static final String Y = ReportKeys.wire("scope-links-y");
    private final ReportModel model = new ReportModel(Clock.fixed(Instant.parse("2026-11-25T10:00:00.123Z"),
            ZoneOffset.UTC));

    @Test
    void writesOnlyThePluginEntryWhileNoTopologyHasNodes() throws Exception {
        ReportSnapshot snapshot = new ReportWriter(1 << 20).write(layout(), model);

        JsonNode report = JSON.readTree(snapshot.body().toByteArray());
        assertThat(report.fieldNames()).toIterable().containsExactly("Plugins");
        assertThat(snapshot.nodes()).isZero();
        assertThat(new ReportChecker().check(snapshot.body().toByteArray(), "scope-links")).isEmpty();
    }

    @Test
    void writesTemplatesOnlyForTopologiesThatHaveNodes() throws Exception {
        model.put(ScopeTopology.POD, "u", List.of(new RenderedNode("u;<pod>", Map.of("scope-links-x",
                "https://x.example/1"))));

        JsonNode report = JSON.readTree(new ReportWriter(1 << 20).write(layout(), model).body().toByteArray());

        assertThat(report.fieldNames()).toIterable().containsExactly("Plugins", "Pod");
        assertThat(report.at("/Pod/metadata_templates/" + X + "/dataType").asText()).isEqualTo("link");
        assertThat(report.at("/Pod/metadata_templates/" + X + "/id").asText()).isEqualTo(X);
    }

    @Test
    void joinsNodeFragmentsIntoExactlySizedValidJson() throws Exception {
        for (int i = 0; i < 3; i++) {
            model.put(ScopeTopology.POD, "u" + i, List.of(new RenderedNode("u" + i + ";<pod>",
                    Map.of("scope-links-x", "https://x.example/" + i))));
        }
        model.put(ScopeTopology.SERVICE, "s", List.of(new RenderedNode("s;<service>",
                Map.of("scope-links-x", "https://x.example/\"quoted\""))));

        ReportSnapshot snapshot = new ReportWriter(1 << 20).write(layout(), model);

        JsonNode report = JSON.readTree(snapshot.body().toByteArray());
        assertThat(report.at("/Pod/nodes").size()).isEqualTo(3);
        assertThat(report.at("/Pod/nodes/u1;<pod>/latest/" + X + "/value").asText()).isEqualTo("https://x.example/1");
        assertThat(report.at("/Pod/nodes/u1;<pod>/latest/" + X + "/timestamp").asText())
                .isEqualTo("2026-11-25T10:00:00Z");
        assertThat(report.at("/Service/nodes/s;<service>/latest/" + X + "/value").asText())
                .isEqualTo("https://x.example/\"quoted\"");
        assertThat(new String(snapshot.body().toByteArray(), StandardCharsets.UTF_8)).endsWith("}}}");
        assertThat(snapshot.nodes()).isEqualTo(4);
        assertThat(new ReportChecker().check(snapshot.body().toByteArray(), "scope-links"))
                .as("only the deliberately unusable value is flagged; the structure is Scope's")
                .singleElement().satisfies(finding -> assertThat(finding.path()).contains("s;<service>"));
    }

    @Test
    void aDeploymentNodeWithTwoLinksCostsTheUrlsPlus233Bytes() {
        String uid = "3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60";
        String dashboard = "https://dash.example.com/#/deployment/shop/web?namespace=shop";
        String logs = "https://grafana.example.com/d/k8s/deploy?var-ns=shop&var-deployment=web";
        model.put(ScopeTopology.DEPLOYMENT, uid, List.of(new RenderedNode(uid + ";<deployment>",
                linked("scope-links-dashboard", dashboard, "scope-links-logs", logs))));
        int empty = new ReportWriter(1 << 20).write(layout(), new ReportModel(Clock.systemUTC())).body().length();

        ReportSnapshot one = new ReportWriter(1 << 20).write(deploymentLayout(), model);

        // The node id twice (49 bytes each, quoted), "id" and "latest", and per link a 5-character
        // key, a second-precision timestamp and the field names Scope decodes: 233 bytes besides the
        // URLs (and one comma between nodes).
        int perNode = one.body().length() - emptyWithDeploymentFrame(empty);
        assertThat(perNode).isEqualTo(233 + dashboard.length() + logs.length());
    }

    @Test
    void leavesNodesOutRatherThanExceedTheBudgetAndCountsThem() throws Exception {
        for (int i = 0; i < 100; i++) {
            model.put(ScopeTopology.POD, "u" + i, List.of(new RenderedNode("u" + i + ";<pod>",
                    Map.of("scope-links-x", "https://x.example/" + "p".repeat(100)))));
        }

        ReportSnapshot snapshot = new ReportWriter(4000).write(layout(), model);

        assertThat(snapshot.body().length()).isLessThanOrEqualTo(4000);
        assertThat(snapshot.nodes() + snapshot.omittedNodes()).isEqualTo(100);
        assertThat(snapshot.omittedNodes()).isPositive();
        assertThat(JSON.readTree(snapshot.body().toByteArray()).at("/Pod/nodes").size()).isEqualTo(snapshot.nodes());
    }

    @Test
    void keepsALinksTimestampWhileItsValueStaysTheSame() {
        ReportModel ticking = new ReportModel(Clock.systemUTC());
        RenderedNode node = new RenderedNode("u;<pod>", Map.of("scope-links-x", "https://x.example/a"));

        assertThat(ticking.put(ScopeTopology.POD, "u", List.of(node))).isTrue();
        assertThat(ticking.put(ScopeTopology.POD, "u", List.of(node))).as("unchanged object, no rebuild").isFalse();
        assertThat(ticking.put(ScopeTopology.POD, "u", List.of(new RenderedNode("u;<pod>",
                Map.of("scope-links-x", "https://x.example/b"))))).isTrue();
        assertThat(ticking.remove(ScopeTopology.POD, "u")).isTrue();
        assertThat(ticking.nodeCount(ScopeTopology.POD)).isZero();
    }

    @Test
    void stampsEachLinkWithTheTimeItsValueWasLastComputed() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T10:00:00Z"));
        ReportModel stamped = new ReportModel(clock(now));
        stamped.put(ScopeTopology.POD, "u", List.of(new RenderedNode("u;<pod>", linked(
                "scope-links-x", "https://x.example/a", "scope-links-y", "https://y.example/a"))));
        now.set(Instant.parse("2026-11-25T11:00:00Z"));

        stamped.put(ScopeTopology.POD, "u", List.of(new RenderedNode("u;<pod>", linked(
                "scope-links-x", "https://x.example/a", "scope-links-y", "https://y.example/b"))));

        JsonNode latest = JSON.readTree(new ReportWriter(1 << 20).write(layout(), stamped).body().toByteArray())
                .at("/Pod/nodes/u;<pod>/latest");
        assertThat(latest.at("/" + X + "/timestamp").asText()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(latest.at("/" + Y + "/timestamp").asText()).isEqualTo("2026-11-25T11:00:00Z");
        assertThat(latest.at("/" + Y + "/value").asText()).isEqualTo("https://y.example/b");
    }

    @Test
    void stampsAValueChangedTwiceWithinOneSecondLaterThanTheValueItReplaces() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T10:00:00.100Z"));
        ReportModel stamped = new ReportModel(clock(now));
        stamped.put(ScopeTopology.POD, "u", List.of(new RenderedNode("u;<pod>", Map.of("scope-links-x",
                "https://x.example/a"))));
        now.set(Instant.parse("2026-11-25T10:00:00.600Z"));

        stamped.put(ScopeTopology.POD, "u", List.of(new RenderedNode("u;<pod>", Map.of("scope-links-x",
                "https://x.example/b"))));

        JsonNode entry = JSON.readTree(new ReportWriter(1 << 20).write(layout(), stamped).body().toByteArray())
                .at("/Pod/nodes/u;<pod>/latest/" + X);
        assertThat(entry.get("value").asText()).isEqualTo("https://x.example/b");
        assertThat(entry.get("timestamp").asText()).as("Scope's merge keeps the later timestamp")
                .isEqualTo("2026-11-25T10:00:01Z");
    }

    @Test
    void keepsEachNodesOwnTimestampsWhenAnObjectFeedsSeveralNodes() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T10:00:00Z"));
        ReportModel stamped = new ReportModel(clock(now));
        stamped.put(ScopeTopology.CONTAINER, "u", List.of(
                new RenderedNode("u;app", Map.of("scope-links-x", "https://x.example/app")),
                new RenderedNode("u;sidecar", Map.of("scope-links-x", "https://x.example/sidecar"))));
        now.set(Instant.parse("2026-11-25T11:00:00Z"));

        // The same object rendered again with its nodes in the other order and one value changed.
        stamped.put(ScopeTopology.CONTAINER, "u", List.of(
                new RenderedNode("u;sidecar", Map.of("scope-links-x", "https://x.example/sidecar-2")),
                new RenderedNode("u;app", Map.of("scope-links-x", "https://x.example/app"))));

        ReportLayout containers = new ReportLayout("scope-links", "Links", "",
                Map.of(ScopeTopology.CONTAINER, new byte[0]));
        JsonNode nodes = JSON.readTree(new ReportWriter(1 << 20).write(containers, stamped).body().toByteArray())
                .at("/Container/nodes");
        assertThat(nodes.at("/u;app/latest/" + X + "/timestamp").asText()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(nodes.at("/u;sidecar/latest/" + X + "/timestamp").asText()).isEqualTo("2026-11-25T11:00:00Z");
        assertThat(nodes.at("/u;sidecar/latest/" + X + "/value").asText()).isEqualTo("https://x.example/sidecar-2");
    }

    @Test
    void nodesWithTheSameLinksShareOneArrayOfLinkKeys() {
        model.put(ScopeTopology.POD, "u1", List.of(new RenderedNode("u1;<pod>", linked(
                "scope-links-x", "https://x.example/1", "scope-links-y", "https://y.example/1"))));
        model.put(ScopeTopology.POD, "u2", List.of(new RenderedNode("u2;<pod>", linked(
                "scope-links-x", "https://x.example/2", "scope-links-y", "https://y.example/2"))));
        List<ReportModel.ServedNode> served = new ArrayList<>();

        model.forEachNode(ScopeTopology.POD, served::add);

        assertThat(served).hasSize(2);
        assertThat(served.get(0).keys()).containsExactly("scope-links-x", "scope-links-y")
                .isSameAs(served.get(1).keys());
        assertThat(served).allSatisfy(node -> assertThat(node.entries()).isEqualTo(2));
    }

    private static Map<String, String> linked(String key1, String url1, String key2, String url2) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put(key1, url1);
        links.put(key2, url2);
        return links;
    }

    /** The size of an empty report plus the frame the Deployment topology adds with its first node. */
    private static int emptyWithDeploymentFrame(int empty) {
        ReportLayout layout = deploymentLayout();
        byte[] templates = layout.templates().get(ScopeTopology.DEPLOYMENT);
        // ,"Deployment":{"nodes":{ … }<templates>}
        return empty + 1 + "\"Deployment\"".length() + ":{\"nodes\":{".length() + 1 + templates.length + 1;
    }

    private static Clock clock(AtomicReference<Instant> now) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    static byte[] templates(String... reportKeys) {
        StringBuilder json = new StringBuilder(",\"metadata_templates\":{");
        double priority = 1.1;
        for (int i = 0; i < reportKeys.length; i++) {
            String key = ReportKeys.wire(reportKeys[i]);
            json.append(i == 0 ? "" : ",").append('"').append(key).append("\":{\"id\":\"").append(key)
                    .append("\",\"label\":\"L").append(i).append("\",\"dataType\":\"link\",\"priority\":")
                    .append(priority + i / 10.0).append(",\"from\":\"latest\"}");
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    static ReportLayout layout() {
        byte[] templates = templates("scope-links-x", "scope-links-y");
        Map<ScopeTopology, byte[]> byTopology = new LinkedHashMap<>();
        byTopology.put(ScopeTopology.POD, templates);
        byTopology.put(ScopeTopology.SERVICE, templates);
        return new ReportLayout("scope-links", "Links", "", byTopology);
    }

    private static ReportLayout deploymentLayout() {
        Map<ScopeTopology, byte[]> byTopology = new LinkedHashMap<>();
        byTopology.put(ScopeTopology.DEPLOYMENT, templates("scope-links-dashboard", "scope-links-logs"));
        return new ReportLayout("scope-links", "Links", "", byTopology);
    }
}
