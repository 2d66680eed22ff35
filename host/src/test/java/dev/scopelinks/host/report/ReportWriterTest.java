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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ReportModel model = new ReportModel(Clock.fixed(Instant.parse("2026-11-25T10:00:00.123Z"),
            ZoneOffset.UTC));

    @Test
    void writesEveryConfiguredTopologyEvenWithoutNodes() throws Exception {
        ReportSnapshot snapshot = new ReportWriter(1 << 20).write(layout(), model);

        JsonNode report = JSON.readTree(snapshot.body());
        assertThat(report.at("/Pod/nodes").isObject()).isTrue();
        assertThat(report.at("/Pod/nodes").size()).isZero();
        assertThat(report.at("/Service/metadata_templates/scope-links-x/dataType").asText()).isEqualTo("link");
        assertThat(snapshot.nodes()).isZero();
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

        JsonNode report = JSON.readTree(snapshot.body());
        assertThat(report.at("/Pod/nodes").size()).isEqualTo(3);
        assertThat(report.at("/Pod/nodes/u1;<pod>/latest/scope-links-x/value").asText()).isEqualTo("https://x.example/1");
        assertThat(report.at("/Pod/nodes/u1;<pod>/latest/scope-links-x/timestamp").asText())
                .isEqualTo("2026-11-25T10:00:00.123Z");
        assertThat(report.at("/Service/nodes/s;<service>/latest/scope-links-x/value").asText())
                .isEqualTo("https://x.example/\"quoted\"");
        assertThat(new String(snapshot.body(), StandardCharsets.UTF_8)).endsWith("}}}");
        assertThat(snapshot.nodes()).isEqualTo(4);
        assertThat(new ReportChecker().check(snapshot.body(), "scope-links"))
                .as("only the deliberately unusable value is flagged; the structure is Scope's")
                .singleElement().satisfies(finding -> assertThat(finding.path()).contains("s;<service>"));
    }

    @Test
    void leavesNodesOutRatherThanExceedTheCapAndCountsThem() throws Exception {
        for (int i = 0; i < 100; i++) {
            model.put(ScopeTopology.POD, "u" + i, List.of(new RenderedNode("u" + i + ";<pod>",
                    Map.of("scope-links-x", "https://x.example/" + "p".repeat(100)))));
        }

        ReportSnapshot snapshot = new ReportWriter(4000).write(layout(), model);

        assertThat(snapshot.body().length).isLessThanOrEqualTo(4000);
        assertThat(snapshot.nodes() + snapshot.omittedNodes()).isEqualTo(100);
        assertThat(snapshot.omittedNodes()).isPositive();
        assertThat(JSON.readTree(snapshot.body()).at("/Pod/nodes").size()).isEqualTo(snapshot.nodes());
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
        java.util.concurrent.atomic.AtomicReference<Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-11-25T10:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        ReportModel stamped = new ReportModel(clock);
        stamped.put(ScopeTopology.POD, "u", List.of(new RenderedNode("u;<pod>", Map.of(
                "scope-links-x", "https://x.example/a", "scope-links-y", "https://y.example/a"))));
        now.set(Instant.parse("2026-11-25T11:00:00Z"));

        stamped.put(ScopeTopology.POD, "u", List.of(new RenderedNode("u;<pod>", Map.of(
                "scope-links-x", "https://x.example/a", "scope-links-y", "https://y.example/b"))));

        JsonNode latest = JSON.readTree(new ReportWriter(1 << 20).write(layout(), stamped).body())
                .at("/Pod/nodes/u;<pod>/latest");
        assertThat(latest.at("/scope-links-x/timestamp").asText()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(latest.at("/scope-links-y/timestamp").asText()).isEqualTo("2026-11-25T11:00:00Z");
        assertThat(latest.at("/scope-links-y/value").asText()).isEqualTo("https://y.example/b");
    }

    private static ReportLayout layout() {
        byte[] plugins = "\"Plugins\":[{\"id\":\"scope-links\",\"label\":\"L\",\"interfaces\":[\"reporter\"],\"api_version\":\"1\"}]"
                .getBytes(StandardCharsets.UTF_8);
        byte[] templates = ("\"metadata_templates\":{\"scope-links-x\":{\"id\":\"scope-links-x\",\"label\":\"X\","
                + "\"dataType\":\"link\",\"priority\":1.1,\"from\":\"latest\"}}").getBytes(StandardCharsets.UTF_8);
        return new ReportLayout("scope-links", plugins, new java.util.LinkedHashMap<>(Map.of(
                ScopeTopology.POD, templates, ScopeTopology.SERVICE, templates)));
    }
}
