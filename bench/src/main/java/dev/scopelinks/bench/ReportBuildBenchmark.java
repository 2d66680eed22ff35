package dev.scopelinks.bench;

import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.render.ObjectRenderer;
import dev.scopelinks.host.report.ReportLayout;
import dev.scopelinks.host.report.ReportModel;
import dev.scopelinks.host.report.ReportPublisher;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.ScopeTopology;
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
 * The work a cluster change costs off the request path: re-rendering one changed Pod, and
 * rebuilding the whole report body from the pre-serialized node fragments.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReportBuildBenchmark {

    @Param({"5000", "50000"})
    int pods;

    private ReportModel model;
    private ReportPublisher publisher;
    private ObjectRenderer renderer;
    private KubeObject changed;
    private int flip;

    @Setup(Level.Trial)
    public void fill() throws Exception {
        LinkPlan plan = BenchFixtures.plan();
        HostMetrics metrics = new HostMetrics();
        model = new ReportModel(Clock.systemUTC());
        renderer = BenchFixtures.podRenderer(plan, metrics);
        for (int i = 0; i < pods; i++) {
            KubeObject pod = BenchFixtures.pod(i);
            model.put(ScopeTopology.POD, pod.uid(), renderer.render(pod));
        }
        publisher = new ReportPublisher(model, ReportLayout.of(plan), Duration.ofMillis(1), 48L << 20,
                (snapshot, nanos) -> metrics.reportPublished(snapshot.body().length(), snapshot.nodes(),
                        snapshot.omittedNodes(), nanos));
        changed = BenchFixtures.pod(pods + 1);
    }

    /** One watch event: render the object and update its entry in the model. */
    @Benchmark
    public boolean renderAndUpdateOneObject() {
        flip++;
        return model.put(ScopeTopology.POD, changed.uid() + (flip & 1), renderer.render(changed));
    }

    /** One coalesced rebuild of the whole body. */
    @Benchmark
    public int rebuildReport() throws Exception {
        publisher.flush();
        return publisher.body().length();
    }

    @TearDown(Level.Trial)
    public void stop() {
        publisher.close();
    }
}
