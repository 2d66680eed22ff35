package dev.scopelinks.bench;

import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.probe.ProbeClient;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.render.ObjectRenderer;
import dev.scopelinks.host.report.ReportLayout;
import dev.scopelinks.host.report.ReportModel;
import dev.scopelinks.host.report.ReportPublisher;
import dev.scopelinks.host.server.PluginSocketServer;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.ScopeTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What Scope's probe experiences: {@code GET /report} over the real UNIX socket, keep-alive, with
 * a report of {@code pods} Pods carrying three links each. Sample mode gives p50/p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReportServeBenchmark {

    @Param({"100", "5000", "20000"})
    int pods;

    private ReportPublisher publisher;
    private PluginSocketServer server;
    private ProbeClient probe;
    private Path root;

    @Setup(Level.Trial)
    public void start() throws Exception {
        LinkPlan plan = BenchFixtures.plan();
        HostMetrics metrics = new HostMetrics();
        ReportModel model = new ReportModel(Clock.systemUTC());
        ObjectRenderer renderer = BenchFixtures.podRenderer(plan, metrics);
        for (int i = 0; i < pods; i++) {
            KubeObject pod = BenchFixtures.pod(i);
            model.put(ScopeTopology.POD, pod.uid(), renderer.render(pod));
        }
        publisher = new ReportPublisher(model, ReportLayout.of(plan), Duration.ofMillis(1), 48L << 20,
                (snapshot, nanos) -> metrics.reportPublished(snapshot.body().length(), snapshot.nodes(),
                        snapshot.omittedNodes(), nanos));
        publisher.flush();
        root = Files.createTempDirectory("scope-links-bench");
        server = new PluginSocketServer(new PluginSocketServer.Settings(root.resolve("scope-links/scope-links.sock"),
                Duration.ofMinutes(5), Duration.ofSeconds(1), 8), publisher::body, metrics);
        server.start();
        probe = new ProbeClient(server.socketPath(), Duration.ofSeconds(5), "bench");
    }

    @Benchmark
    public int pollReport() throws Exception {
        return probe.pollReport().body().length;
    }

    @TearDown(Level.Trial)
    public void stop() {
        probe.close();
        server.close();
        publisher.close();
    }
}
