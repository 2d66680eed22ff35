package dev.scopelinks.host.shard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.probe.ProbeClient;
import dev.scopelinks.host.render.RenderedNode;
import dev.scopelinks.host.probe.ReportChecker;
import dev.scopelinks.host.report.ReportKeys;
import dev.scopelinks.host.report.ReportLayout;
import dev.scopelinks.host.report.ReportModel;
import dev.scopelinks.host.report.ReportPublisher;
import dev.scopelinks.host.report.ShardBudget;
import dev.scopelinks.host.server.PluginSocketServer;
import dev.scopelinks.host.testing.Eventually;
import dev.scopelinks.spi.ScopeTopology;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jnr.unixsocket.UnixServerSocketChannel;
import jnr.unixsocket.UnixSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shard sockets as Scope's probe finds and polls them: real UNIX sockets under a plugin root. */
class PluginSocketsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Each Pod node below is ~205 bytes: a 50,000-byte budget holds about 240 of them. */
    private static final ShardBudget BUDGET = new ShardBudget(50_000, 0, 0, 8);

    @TempDir
    Path root;

    private final ReportModel model = new ReportModel(Clock.systemUTC());
    private ReportPublisher publisher;
    private PluginSockets sockets;

    @BeforeEach
    void openFirstSocket() throws Exception {
        String key = ReportKeys.wire("scope-links-x");
        byte[] templates = (",\"metadata_templates\":{\"" + key + "\":{\"id\":\"" + key + "\",\"label\":\"Logs\","
                + "\"dataType\":\"link\",\"priority\":1.1,\"from\":\"latest\"}}").getBytes(StandardCharsets.UTF_8);
        ReportLayout layout = new ReportLayout("scope-links", "Links", "", Map.of(ScopeTopology.POD, templates));
        publisher = new ReportPublisher(model, layout, Duration.ofMillis(10), BUDGET, (snapshot, nanos) -> { });
    }

    @AfterEach
    void close() {
        if (sockets != null) {
            sockets.close();
        }
        publisher.close();
    }

    @Test
    void opensAShardSocketPerBudgetAsNodesAreAddedAndRemovesThemAsNodesGo() throws Exception {
        start();
        addPods(0, 1000);

        Eventually.within(WAIT, () -> assertThat(socketFiles()).hasSize(publisher.snapshot().wantedShards())
                .hasSizeGreaterThanOrEqualTo(5));
        Eventually.within(WAIT, () -> assertThat(publisher.snapshot().shards())
                .hasSize(publisher.snapshot().wantedShards()));
        Map<String, String> placed = pollEveryShard();
        assertThat(placed).hasSize(1000);

        removePods(100, 1000);

        Eventually.within(WAIT, () -> assertThat(socketFiles()).containsExactly(root.resolve("scope-links/scope-links.sock")));
        assertThat(pollEveryShard()).hasSize(100);
        assertThat(root.resolve("scope-links-2")).as("a removed shard's directory goes too").doesNotExist();
    }

    @Test
    void keepsANodeOnItsShardSocketWhenOthersAreAdded() throws Exception {
        start();
        addPods(0, 600);
        Eventually.within(WAIT, () -> assertThat(socketFiles()).hasSize(publisher.snapshot().wantedShards())
                .hasSizeGreaterThan(1));
        Eventually.within(WAIT, () -> assertThat(pollEveryShard()).hasSize(600));
        Map<String, String> before = pollEveryShard();

        addPods(600, 630);

        Eventually.within(WAIT, () -> assertThat(pollEveryShard()).hasSize(630));
        Map<String, String> after = pollEveryShard();
        before.forEach((node, shard) -> assertThat(after.get(node)).as(node).isEqualTo(shard));
    }

    @Test
    void removesEverySocketOnClose() throws Exception {
        start();
        addPods(0, 700);
        Eventually.within(WAIT, () -> assertThat(socketFiles()).hasSizeGreaterThan(2));

        sockets.close();

        assertThat(socketFiles()).isEmpty();
    }

    @Test
    void removesAStaleShardSocketLeftByAKilledInstance() throws Exception {
        Path stale = root.resolve("scope-links-3/scope-links-3.sock");
        Files.createDirectories(stale.getParent());
        // A bound and closed server socket leaves its file behind, as a killed process does.
        try (UnixServerSocketChannel channel = UnixServerSocketChannel.open()) {
            channel.socket().bind(new UnixSocketAddress(new File(stale.toString())));
        }
        assertThat(stale).exists();

        start();

        // The socket goes first and its directory right after, on the opener thread: wait for both,
        // or the walk below can meet the directory as it is being removed.
        Eventually.within(WAIT, () -> assertThat(stale.getParent()).doesNotExist());
        assertThat(socketFiles()).containsExactly(root.resolve("scope-links/scope-links.sock"));
    }

    private void start() throws Exception {
        sockets = new PluginSockets(id -> root.resolve(id).resolve(id + ".sock"),
                path -> new PluginSocketServer.Settings(path, Duration.ofSeconds(30), Duration.ofSeconds(1), 4),
                publisher, new HostMetrics());
        sockets.start();
    }

    /** Polls every socket under the root like the probe; checks each body and returns node id to plugin id. */
    private Map<String, String> pollEveryShard() throws Exception {
        Map<String, String> placed = new HashMap<>();
        for (Path socket : socketFiles()) {
            String id = socket.getFileName().toString().replace(".sock", "");
            byte[] body;
            try (ProbeClient probe = new ProbeClient(socket, Duration.ofSeconds(5), "shard-it")) {
                ProbeClient.Response response = probe.pollReport();
                assertThat(response.status()).isEqualTo(200);
                body = response.body();
            }
            assertThat(body.length).as("%s within its budget", id).isLessThanOrEqualTo((int) BUDGET.bytes());
            assertThat(new ReportChecker().check(body, id)).as("%s is a valid plugin of its own", id).isEmpty();
            JsonNode report = JSON.readTree(body);
            report.at("/Pod/nodes").fieldNames().forEachRemaining(node ->
                    assertThat(placed.put(node, id)).as("%s served once", node).isNull());
        }
        return placed;
    }

    private List<Path> socketFiles() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(path -> path.toString().endsWith(".sock")).sorted().forEach(files::add);
        }
        return files;
    }

    private void addPods(int from, int to) {
        for (int i = from; i < to; i++) {
            String uid = "0000" + i + "-aaaa-bbbb-cccc-dddddddddddd";
            model.put(ScopeTopology.POD, uid, List.of(new RenderedNode(uid + ";<pod>",
                    Map.of("scope-links-x", "https://logs.example.com/pod/team/service-" + i))));
        }
        publisher.requestRebuild();
    }

    private void removePods(int from, int to) {
        for (int i = from; i < to; i++) {
            model.remove(ScopeTopology.POD, "0000" + i + "-aaaa-bbbb-cccc-dddddddddddd");
        }
        publisher.requestRebuild();
    }
}
