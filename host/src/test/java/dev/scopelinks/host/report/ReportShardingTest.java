package dev.scopelinks.host.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopelinks.host.probe.ReportChecker;
import dev.scopelinks.host.render.RenderedNode;
import dev.scopelinks.spi.ScopeTopology;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the report is split over plugin sockets as it grows and shrinks, through the writer Scope's bodies come from. */
class ReportShardingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String X = ReportKeys.wire("scope-links-x");
    /** Each Pod node below is ~205 bytes: a 50,000-byte budget holds about 240 of them. */
    private static final ShardBudget BUDGET = new ShardBudget(50_000, 0, 0, 8);

    private final ReportModel model = new ReportModel(Clock.systemUTC());
    private final ReportLayout layout = ReportWriterTest.layout();

    @Test
    void staysOnOneSocketWhileTheReportFits() {
        addPods(0, 200);

        ReportSnapshot snapshot = write(new ReportWriter(BUDGET), 1);

        assertThat(snapshot.shards()).hasSize(1);
        assertThat(snapshot.shards().get(0).pluginId()).isEqualTo("scope-links");
        assertThat(snapshot.omittedNodes()).isZero();
    }

    @Test
    void splitsOverMoreSocketsWhenTheBudgetIsExceededWithNoShardOverIt() throws IOException {
        addPods(0, 1000);

        ReportSnapshot snapshot = write(new ReportWriter(BUDGET), 1);

        assertThat(snapshot.shards().size()).isBetween(4, 6);
        assertThat(snapshot.omittedNodes()).isZero();
        assertThat(snapshot.nodes()).isEqualTo(1000);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < snapshot.shards().size(); i++) {
            ReportSnapshot.Shard shard = snapshot.shards().get(i);
            String id = i == 0 ? "scope-links" : "scope-links-" + (i + 1);
            assertThat(shard.pluginId()).isEqualTo(id);
            assertThat(shard.body().length()).as("shard %s within its budget", id).isLessThanOrEqualTo(50_000);
            assertThat(new ReportChecker().check(shard.body().toByteArray(), id)).as("shard %s is a valid plugin report", id)
                    .isEmpty();
            JsonNode report = JSON.readTree(shard.body().toByteArray());
            assertThat(report.at("/Plugins/0/label").asText())
                    .isEqualTo("Links (" + (i + 1) + "/" + snapshot.shards().size() + ")");
            assertThat(report.at("/Pod/metadata_templates/" + X + "/id").asText())
                    .as("templates repeat in every shard with Pod nodes").isEqualTo(X);
            report.at("/Pod/nodes").fieldNames().forEachRemaining(node ->
                    assertThat(seen.add(node)).as("%s is on one shard only", node).isTrue());
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void keepsEveryNodeOnItsShardWhenOthersAreAddedOrMovesItOnlyToANewShard() throws IOException {
        ReportWriter writer = new ReportWriter(BUDGET);
        addPods(0, 600);
        ReportSnapshot before = write(writer, 1);
        Map<String, Integer> placed = placement(before);

        addPods(600, 50);
        ReportSnapshot same = write(writer, before.wantedShards());
        addPods(650, 450);
        ReportSnapshot grown = write(writer, same.wantedShards());

        assertThat(same.shards()).hasSameSizeAs(before.shards());
        Map<String, Integer> afterSmallGrowth = placement(same);
        placed.forEach((node, shard) -> assertThat(afterSmallGrowth.get(node)).as(node).isEqualTo(shard));
        assertThat(grown.shards().size()).isGreaterThan(before.shards().size());
        Map<String, Integer> afterGrowth = placement(grown);
        int moved = 0;
        for (Map.Entry<String, Integer> entry : placed.entrySet()) {
            int now = afterGrowth.get(entry.getKey());
            if (now != entry.getValue()) {
                moved++;
                assertThat(now).as("a node only moves onto a new shard").isGreaterThanOrEqualTo(before.shards().size());
            }
        }
        assertThat(moved).as("growing moves a share of the nodes, not all of them").isLessThan(placed.size() / 2);
    }

    @Test
    void removesAShardOnlyOnceTheRestFitInFewerBelowSeventyPercentOfTheirBudget() {
        ReportWriter writer = new ReportWriter(BUDGET);
        addPods(0, 600);
        ReportSnapshot grown = write(writer, 1);
        int shards = grown.shards().size();
        long perNode = grown.bytes() / 600;
        // Shrink to just under what fewer shards hold at their full budget: still there, by hysteresis.
        int keep = (int) ((shards - 1) * BUDGET.bytes() * 0.9 / perNode);
        removePods(keep, 600);
        ReportSnapshot hovering = write(writer, grown.wantedShards());

        removePods((int) ((shards - 1) * BUDGET.bytes() * 0.5 / perNode), keep);
        ReportSnapshot shrunk = write(writer, hovering.wantedShards());

        assertThat(hovering.shards()).hasSize(shards);
        assertThat(shrunk.shards().size()).isLessThan(shards);
        assertThat(shrunk.omittedNodes()).isZero();
        assertThat(shrunk.shards()).allSatisfy(shard -> assertThat(shard.body().length()).isLessThanOrEqualTo(50_000));
    }

    @Test
    void leavesPodsOutBeforeServicesPastTheShardLimitAndTheSameOnesEveryTime() throws IOException {
        ShardBudget two = new ShardBudget(50_000, 0, 0, 2);
        addPods(0, 800);
        for (int i = 0; i < 50; i++) {
            model.put(ScopeTopology.SERVICE, "s" + i, List.of(new RenderedNode("s" + i + ";<service>",
                    Map.of("scope-links-x", "https://svc.example/" + i))));
        }

        ReportSnapshot snapshot = write(new ReportWriter(two), 1);
        ReportSnapshot again = write(new ReportWriter(two), snapshot.wantedShards());

        assertThat(snapshot.shards()).hasSize(2);
        assertThat(snapshot.omittedNodes()).isPositive();
        assertThat(snapshot.nodes() + snapshot.omittedNodes()).isEqualTo(850);
        assertThat(snapshot.shards()).allSatisfy(shard -> assertThat(shard.body().length()).isLessThanOrEqualTo(50_000));
        assertThat(placement(snapshot).keySet().stream().filter(node -> node.endsWith(";<service>")))
                .as("the few Services are kept before the many Pods").hasSize(50);
        assertThat(placement(again)).as("the same nodes are left out every time").isEqualTo(placement(snapshot));
    }

    @Test
    void splitsByNodesWhenANodeBudgetIsSet() {
        addPods(0, 300);

        ReportSnapshot snapshot = write(new ReportWriter(new ShardBudget(1 << 20, 100, 0, 8)), 1);

        assertThat(snapshot.shards().size()).isGreaterThanOrEqualTo(3);
        assertThat(snapshot.shards()).allSatisfy(shard -> assertThat(shard.nodes()).isLessThanOrEqualTo(100));
        assertThat(snapshot.omittedNodes()).isZero();
    }

    @Test
    void putsNodesOnlyOnShardsWhoseSocketIsOpen() {
        addPods(0, 1000);

        ReportSnapshot snapshot = new ReportWriter(BUDGET).write(layout, model, 1, 1);

        assertThat(snapshot.wantedShards()).isGreaterThan(1);
        assertThat(snapshot.shards()).hasSize(1);
        assertThat(snapshot.shards().get(0).body().length()).isLessThanOrEqualTo(50_000);
        assertThat(snapshot.omittedNodes()).isPositive();
    }

    private ReportSnapshot write(ReportWriter writer, int current) {
        return writer.write(layout, model, current, Integer.MAX_VALUE);
    }

    private void addPods(int from, int count) {
        for (int i = from; i < from + count; i++) {
            String uid = "0000" + i + "-aaaa-bbbb-cccc-dddddddddddd";
            model.put(ScopeTopology.POD, uid, List.of(new RenderedNode(uid + ";<pod>",
                    Map.of("scope-links-x", "https://logs.example.com/pod/team/service-" + i))));
        }
    }

    private void removePods(int from, int to) {
        for (int i = from; i < to; i++) {
            model.remove(ScopeTopology.POD, "0000" + i + "-aaaa-bbbb-cccc-dddddddddddd");
        }
    }

    private static Map<String, Integer> placement(ReportSnapshot snapshot) throws IOException {
        Map<String, Integer> placed = new HashMap<>();
        for (int i = 0; i < snapshot.shards().size(); i++) {
            JsonNode report = JSON.readTree(snapshot.shards().get(i).body().toByteArray());
            List<String> ids = new ArrayList<>();
            report.at("/Pod/nodes").fieldNames().forEachRemaining(ids::add);
            report.at("/Service/nodes").fieldNames().forEachRemaining(ids::add);
            for (String id : ids) {
                placed.put(id, i);
            }
        }
        return placed;
    }
}
