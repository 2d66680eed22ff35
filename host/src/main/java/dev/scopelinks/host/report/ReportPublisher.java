package dev.scopelinks.host.report;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the bytes the socket serves. Changes only request a rebuild; one background thread
 * rebuilds at most once per coalescing window, so a burst of cluster events costs one rebuild, and
 * a request only reads a volatile reference: no lock, no serialization on the request path.
 */
public final class ReportPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReportPublisher.class);

    /** Hears about every rebuilt report, e.g. to update metrics. */
    @FunctionalInterface
    public interface Listener {
        void published(ReportSnapshot snapshot, long buildNanos);
    }

    private final ReportModel model;
    private final ReportWriter writer;
    private final Duration coalesce;
    private final Listener listener;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile ReportLayout layout;
    private volatile ReportSnapshot current;
    private boolean warnedAboutSize;

    public ReportPublisher(ReportModel model, ReportLayout layout, Duration coalesce, long maxBytes, Listener listener) {
        this.model = Objects.requireNonNull(model, "model");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.coalesce = Objects.requireNonNull(coalesce, "coalesce");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.writer = new ReportWriter(Math.min(maxBytes, ReportWriter.SCOPE_BODY_LIMIT));
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "report-builder");
            thread.setDaemon(true);
            return thread;
        });
        this.current = writer.write(layout, model);
    }

    /** The bytes to serve now. */
    public byte[] body() {
        return current.body();
    }

    public ReportSnapshot snapshot() {
        return current;
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
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                scheduled.set(false);
            }
        }
    }

    /** Rebuilds now on the builder thread and waits for it, e.g. right after the first sync. */
    public void flush() throws InterruptedException {
        try {
            executor.submit(this::rebuild).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("rebuilding the report failed", e.getCause());
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closed: nothing left to publish
        }
    }

    private void rebuild() {
        scheduled.set(false);
        try {
            long start = System.nanoTime();
            ReportSnapshot snapshot = writer.write(layout, model);
            current = snapshot;
            if (snapshot.omittedNodes() > 0 && !warnedAboutSize) {
                warnedAboutSize = true;
                LOG.error("The report exceeds the size cap: {} nodes left out. Scope refuses reports over 50 MB; "
                        + "configure fewer links or watch fewer namespaces", snapshot.omittedNodes());
            }
            listener.published(snapshot, System.nanoTime() - start);
        } catch (RuntimeException e) {
            LOG.error("Rebuilding the report failed; the previous report stays in service", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
