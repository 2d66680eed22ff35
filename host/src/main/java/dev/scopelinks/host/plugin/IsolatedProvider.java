package dev.scopelinks.host.plugin;

import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.LinkProvider;
import dev.scopelinks.spi.ScopeNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider instance as the host calls it: each call runs with the provider's class loader as
 * the context class loader, and {@link #close()} reaches the provider once, after the calls under
 * way have returned, so a provider never sees a call after (or during) its own close.
 */
final class IsolatedProvider implements LinkProvider {

    private static final Logger LOG = LoggerFactory.getLogger(IsolatedProvider.class);

    /** How long close waits for calls under way; calls are meant to take microseconds. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final String id;
    private final LinkProvider delegate;
    private final ClassLoader loader;
    /** Calls under way; counted before {@link #closed} is read, so close sees every call it must wait for. */
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean closed;

    IsolatedProvider(String id, LinkProvider delegate, ClassLoader loader) {
        this.id = id;
        this.delegate = delegate;
        this.loader = loader;
    }

    /** The provider's nodes for {@code object}; none once the host has closed it. */
    @Override
    public List<ScopeNode> nodesFor(KubeObject object) {
        running.incrementAndGet();
        try {
            if (closed) {
                return List.of();
            }
            return ContextClassLoader.call(loader, () -> delegate.nodesFor(object));
        } finally {
            running.decrementAndGet();
        }
    }

    /**
     * Closes the provider once the calls under way have returned. Closing is rare (a reload, the
     * shutdown) and calls take microseconds, so a short poll keeps the hot path to two atomic adds.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (running.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        if (running.get() > 0) {
            LOG.warn("Provider {} still busy after {} s; closing it anyway", id, DRAIN.toSeconds());
        }
        try {
            ContextClassLoader.call(loader, () -> {
                delegate.close();
                return null;
            });
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Provider {} failed to close", id, e);
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
