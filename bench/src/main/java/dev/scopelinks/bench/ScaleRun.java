package dev.scopelinks.bench;

import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.render.ObjectRenderer;
import dev.scopelinks.host.report.ReportLayout;
import dev.scopelinks.host.report.ReportModel;
import dev.scopelinks.host.report.ReportPublisher;
import dev.scopelinks.host.report.ReportSnapshot;
import dev.scopelinks.host.report.ShardBudget;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.ScopeTopology;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * How the report side scales with the cluster: for growing Pod counts, the time to render every
 * Pod, the time to rebuild the body, its size (over all plugin sockets, at the default per-socket
 * budget), the bytes per node and per link, and the heap the model keeps per node. Prints one row
 * per size and the ratio to the smallest, so growth that is not linear stands out.
 *
 * <p>Run: {@code bench/run scale [sizes…]} (default 10000 50000 150000).
 */
public final class ScaleRun {

    private ScaleRun() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {10_000, 50_000, 150_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        LinkPlan plan = BenchFixtures.plan();
        System.out.printf("%8s %12s %12s %12s %10s %10s %8s %12s %10s %10s %14s %14s%n", "pods", "render ms",
                "rebuild ms", "body MB", "nodes", "omitted", "shards", "largest MB", "B/node", "B/link", "model B/node",
                "rebuild ratio");
        double firstRebuildPerNode = 0;
        for (int size : sizes) {
            usedHeapAfterGc(); // let the previous size's model go first
            HostMetrics metrics = new HostMetrics();
            ObjectRenderer renderer = BenchFixtures.podRenderer(plan, metrics);
            KubeObject[] pods = new KubeObject[size];
            for (int i = 0; i < size; i++) {
                pods[i] = BenchFixtures.pod(i);
            }
            long before = usedHeapAfterGc();
            ReportModel model = new ReportModel(Clock.systemUTC());
            long start = System.nanoTime();
            for (KubeObject pod : pods) {
                model.put(ScopeTopology.POD, pod.uid(), renderer.render(pod));
            }
            long renderNanos = System.nanoTime() - start;
            long modelBytes = usedHeapAfterGc() - before;
            Reference.reachabilityFence(pods);
            try (ReportPublisher publisher = new ReportPublisher(model, ReportLayout.of(plan), Duration.ofMillis(1),
                    ShardBudget.defaults(), (snapshot, nanos) -> metrics.reportPublished(snapshot.bytes(),
                            snapshot.nodes(), snapshot.omittedNodes(), snapshot.shards().size(),
                            snapshot.largestShardBytes(), nanos))) {
                // Every shard's socket counts as open: this run measures the bodies, not the sockets.
                publisher.serveOn(new ReportPublisher.Sockets() {
                    @Override
                    public int serving() {
                        return Integer.MAX_VALUE;
                    }

                    @Override
                    public void reconcile(ReportSnapshot snapshot) {
                    }
                });
                publisher.flush();
                long rebuildStart = System.nanoTime();
                int rounds = 5;
                for (int i = 0; i < rounds; i++) {
                    publisher.flush();
                }
                double rebuildMs = (System.nanoTime() - rebuildStart) / 1e6 / rounds;
                ReportSnapshot snapshot = publisher.snapshot();
                double perNode = rebuildMs / Math.max(1, snapshot.nodes());
                if (firstRebuildPerNode == 0) {
                    firstRebuildPerNode = perNode;
                }
                long links = snapshot.shards().stream().mapToLong(ReportSnapshot.Shard::entries).sum();
                System.out.printf("%8d %12.1f %12.1f %12.1f %10d %10d %8d %12.2f %10d %10d %14d %14.2f%n", size,
                        renderNanos / 1e6, rebuildMs, snapshot.bytes() / 1048576.0, snapshot.nodes(),
                        snapshot.omittedNodes(), snapshot.shards().size(), snapshot.largestShardBytes() / 1048576.0,
                        snapshot.bytes() / Math.max(1, snapshot.nodes()), snapshot.bytes() / Math.max(1, links),
                        modelBytes / size, perNode / firstRebuildPerNode);
            }
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
