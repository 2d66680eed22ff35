package dev.scopelinks.host.report;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the bytes the sockets serve. Changes only request a rebuild; one background thread
 * rebuilds at most once per coalescing window, so a burst of cluster events costs one rebuild, and
 * a request only reads a volatile reference: no lock, no serialization on the request path.
 *
 * <p>The report is split over as many plugin sockets as the {@link ShardBudget} asks for (see
 * {@link ReportWriter}); the {@link Sockets} open and close them. Nodes go only onto shards whose
 * socket is open, so a new shard takes nodes once its socket answers, and a shard that goes away
 * has handed its nodes back before its socket is closed.
 */
public final class ReportPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReportPublisher.class);

    /** Hears about every rebuilt report, e.g. to update metrics. */
    @FunctionalInterface
    public interface Listener {
        void published(ReportSnapshot snapshot, long buildNanos);
    }

    /** The plugin sockets the shards are served on. */
    public interface Sockets {
        /** How many shard sockets answer now, counted from the plugin's own. */
        int serving();

        /**
         * Called on the builder thread after each rebuild: open the sockets {@code snapshot} wants
         * (asking for a rebuild once they answer) and close those beyond its shards.
         */
        void reconcile(ReportSnapshot snapshot);
    }

    private final ReportModel model;
    private final ReportWriter writer;
    private final ShardBudget budget;
    private final Duration coalesce;
    private final Listener listener;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile ReportLayout layout;
    private volatile ReportSnapshot current;
    private volatile Sockets sockets;
    private boolean omitting;

    /** A publisher that splits the report over sockets within {@code budget}. */
    public ReportPublisher(ReportModel model, ReportLayout layout, Duration coalesce, ShardBudget budget,
                           Listener listener) {
        this.model = Objects.requireNonNull(model, "model");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.coalesce = Objects.requireNonNull(coalesce, "coalesce");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.writer = new ReportWriter(budget);
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "report-builder");
            thread.setDaemon(true);
            return thread;
        });
        this.current = writer.write(layout, model, 1, 1);
    }

    /** A publisher for one socket whose body stays at or under {@code maxBytes} (and Scope's 50 MB). */
    public ReportPublisher(ReportModel model, ReportLayout layout, Duration coalesce, long maxBytes, Listener listener) {
        this(model, layout, coalesce, ShardBudget.singleSocket(maxBytes), listener);
    }

    /**
     * Serves the shards on {@code sockets} from the next rebuild on; until then everything goes on
     * the first socket. Set once, when the first socket is up: the sockets need the publisher for
     * their bodies, so they cannot be handed to its constructor.
     */
    public void serveOn(Sockets sockets) {
        this.sockets = Objects.requireNonNull(sockets, "sockets");
        requestRebuild();
    }

    public ShardBudget budget() {
        return budget;
    }

    /** The first shard's bytes: the whole report while it fits one socket. */
    public ReportBody body() {
        return current.body();
    }

    /**
     * The bytes to serve now on shard {@code index}'s socket. A socket about to be closed has no
     * nodes left and gets a report with only its {@code Plugins} entry.
     */
    public ReportBody body(int index) {
        ReportSnapshot snapshot = current;
        if (index < snapshot.shards().size()) {
            return snapshot.shards().get(index).body();
        }
        return emptyShard(index, snapshot.shards().size());
    }

    public ReportSnapshot snapshot() {
        return current;
    }

    /** The layout in use (the plugin id names the sockets). */
    public ReportLayout layout() {
        return layout;
    }

    /** Swaps the config-dependent parts (after a reload) and rebuilds. */
    public void setLayout(ReportLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
        requestRebuild();
    }

    /** Asks for a rebuild within the coalescing window; cheap and safe to call from any thread. */
    public void requestRebuild() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.schedule(this::rebuild, coalesce.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
                scheduled.set(false);
            }
        }
    }

    /** Rebuilds now on the builder thread and waits for it, e.g. right after the first sync. */
    public void flush() throws InterruptedException {
        try {
            executor.submit(this::rebuild).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("rebuilding the report failed", e.getCause());
        } catch (RejectedExecutionException closed) {
            // closed: nothing left to publish
        }
    }

    /** Every node in one body, whatever the budget: what {@code scope-links report} prints. */
    public byte[] wholeBody() throws InterruptedException {
        try {
            return executor.submit(() -> writer.writeWhole(layout, model)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("writing the report failed", e.getCause());
        } catch (RejectedExecutionException closed) {
            return writer.writeWhole(layout, model);
        }
    }

    private void rebuild() {
        scheduled.set(false);
        try {
            long start = System.nanoTime();
            Sockets target = sockets;
            ReportSnapshot previous = current;
            ReportSnapshot snapshot = writer.write(layout, model, previous.wantedShards(),
                    target == null ? 1 : Math.max(1, target.serving()));
            current = snapshot;
            report(previous, snapshot);
            listener.published(snapshot, System.nanoTime() - start);
            if (target != null) {
                target.reconcile(snapshot);
            }
        } catch (RuntimeException e) {
            LOG.error("Rebuilding the report failed; the previous report stays in service", e);
        }
    }

    /** Logs what an operator must know once per change: shards coming and going, nodes left out. */
    private void report(ReportSnapshot previous, ReportSnapshot next) {
        if (next.wantedShards() != previous.wantedShards()) {
            // While new sockets are still opening, fewer serve than are wanted: say both, so the
            // figures are not read as the whole report's.
            LOG.info("The report needs {} plugin socket(s) now for {} node(s) (budget {} bytes per socket, at most "
                    + "{} sockets); {} socket(s) serve {} node(s), {} bytes so far", next.wantedShards(),
                    next.nodes() + next.omittedNodes(), budget.bytes(), budget.maxShards(), next.shards().size(),
                    next.nodes(), next.bytes());
        }
        boolean limited = next.omittedNodes() > 0 && next.shards().size() >= budget.maxShards();
        if (limited && !omitting) {
            omitting = true;
            LOG.error("{} node(s) left out: the report does not fit in {} plugin socket(s) of {} bytes. Nodes are "
                    + "kept by topology order, then by node id hash. Raise --max-shards or --shard-bytes, or "
                    + "configure fewer links (scope_links_report_omitted_nodes)", next.omittedNodes(),
                    budget.maxShards(), budget.bytes());
        } else if (next.omittedNodes() == 0 && omitting) {
            omitting = false;
            LOG.info("Every node fits the plugin sockets again");
        }
    }

    private ReportBody emptyShard(int index, int shards) {
        byte[] plugins = layout.plugins(index, Math.max(index + 1, shards));
        byte[] body = new byte[plugins.length + 2];
        body[0] = '{';
        System.arraycopy(plugins, 0, body, 1, plugins.length);
        body[body.length - 1] = '}';
        return ReportBody.of(body);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
