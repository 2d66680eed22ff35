package dev.scopelinks.host.server;

import dev.scopelinks.host.metrics.HostMetrics;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.DefaultConnectionReuseStrategy;
import org.apache.hc.core5.http.impl.Http1StreamListener;
import org.apache.hc.core5.http.impl.HttpProcessors;
import org.apache.hc.core5.http.impl.io.DefaultBHttpServerConnection;
import org.apache.hc.core5.http.impl.io.DefaultClassicHttpResponseFactory;
import org.apache.hc.core5.http.impl.io.HttpService;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP/1.1 with keep-alive through HttpCore's classic codec, one thread per connection, over any
 * stream transport, with a {@link ConnectionPolicy} enforced. The plugin socket (a jnr UNIX
 * socket) and the admin port (TCP) both run on it, so both hold up the same way.
 *
 * <p>Blocking reads and writes cannot time out on jnr's sockets, so deadlines are enforced from
 * outside: each connection records its phase (idle, reading a request head, responding) and when
 * it entered it, and a watchdog aborts the transport of any connection past its phase's deadline.
 * The aborted connection's own thread then sees its read or write fail and closes it.
 */
final class GuardedHttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedHttpServer.class);
    /** How long a new connection may wait for a thread before it is refused. */
    private static final Duration THREAD_WAIT = Duration.ofMillis(200);
    /**
     * One thread checks the deadlines of every server in the process, each server at ticks aligned
     * to its period, so a host with a dozen shard sockets and the admin port wakes a few times a
     * second at idle instead of a dozen times as often (one watchdog thread per server was the
     * largest part of its idle CPU).
     */
    private static final ScheduledThreadPoolExecutor DEADLINE_CHECKS = deadlineChecks();

    /** One accepted connection. */
    interface Transport {
        Socket socket() throws IOException;

        /** Makes blocked reads and writes of the connection's own thread fail, from any thread. */
        void abort();

        void close();
    }

    /** Waits for the next connection; {@code null} means "try again". */
    @FunctionalInterface
    interface Acceptor {
        Transport accept() throws IOException;
    }

    enum Phase { IDLE, READING, RESPONDING }

    private final String name;
    private final String listener;
    private final ConnectionPolicy policy;
    private final Http1Config http1Config;
    private final HttpService http;
    private final HostMetrics metrics;
    private final ConnectionWarnings warnings;
    private final ThreadPoolExecutor threads;
    private final Semaphore threadPermits;
    /** Set by {@link #start}, cancelled by {@link #stop}, which may run on another thread. */
    private volatile ScheduledFuture<?> deadlineCheck;
    private final AtomicInteger threadNumber = new AtomicInteger();
    /** Connections that count against the limit; guarded by itself. */
    private final Set<Tracked> open = new HashSet<>();
    private volatile boolean running;
    private Thread acceptorThread;
    /** Only the acceptor thread touches it. */
    private long acceptFailures;

    /**
     * @param name     prefix of thread names and log lines ("socket", "admin")
     * @param listener the {@code listener} label of the connection metrics
     */
    GuardedHttpServer(String name, String listener, ConnectionPolicy policy, Http1Config http1Config,
                      HttpRequestHandler handler, HostMetrics metrics) {
        this.name = Objects.requireNonNull(name, "name");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.http1Config = Objects.requireNonNull(http1Config, "http1Config");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(handler, "handler");
        this.http = new HttpService(HttpProcessors.server("scope-links"), (request, context) -> handler,
                DefaultConnectionReuseStrategy.INSTANCE, DefaultClassicHttpResponseFactory.INSTANCE,
                new PhaseListener());
        this.warnings = new ConnectionWarnings(LOG, name + " " + listener, policy.warnInterval());
        // Twice the limit in threads: an evicted connection's thread needs a moment to unwind while
        // its successor is already served. The permits bound the threads; the pool only reuses them.
        this.threadPermits = new Semaphore(policy.maxConnections() * 2);
        this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> daemon(runnable, name + "-conn-" + threadNumber.incrementAndGet()));
    }

    private static ScheduledThreadPoolExecutor deadlineChecks() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                runnable -> daemon(runnable, "connection-deadlines"));
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    void start(Acceptor acceptor) {
        running = true;
        acceptorThread = daemon(() -> acceptLoop(acceptor), name + "-accept");
        acceptorThread.start();
        long period = policy.checkPeriod().toMillis();
        long aligned = period - TimeUnit.NANOSECONDS.toMillis(System.nanoTime()) % period;
        deadlineCheck = DEADLINE_CHECKS.scheduleAtFixedRate(this::enforceDeadlines, aligned, period,
                TimeUnit.MILLISECONDS);
    }

    boolean isRunning() {
        return running && acceptorThread != null && acceptorThread.isAlive();
    }

    /**
     * Stops accepting and ends every connection. {@code wakeAcceptor} must make a blocked
     * {@code accept} return (closing the listening socket, or connecting to it).
     */
    void stop(Runnable wakeAcceptor) {
        if (!running) {
            return;
        }
        running = false;
        wakeAcceptor.run();
        try {
            acceptorThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Tracked> remaining;
        synchronized (open) {
            remaining = new ArrayList<>(open);
            open.clear();
        }
        remaining.forEach(Tracked::abort);
        threads.shutdownNow();
        deadlineCheck.cancel(false);
        warnings.flush();
    }

    private void acceptLoop(Acceptor acceptor) {
        while (running) {
            Transport transport;
            try {
                transport = acceptor.accept();
            } catch (IOException e) {
                if (!running) {
                    return;
                }
                // Out of file descriptors, say: keep the listener alive and try again shortly. The
                // first failure is logged in full, later ones are counted in the summary lines.
                if (acceptFailures++ == 0) {
                    LOG.error("{} {}: accepting a connection failed; retrying", name, listener, e);
                } else {
                    warnings.record("accept-failed");
                }
                pause();
                continue;
            }
            if (transport == null) {
                continue;
            }
            if (!running) {
                transport.close();
                return;
            }
            admit(transport);
        }
    }

    /** Takes every new connection; at the limit the least useful open one makes room. */
    private void admit(Transport transport) {
        metrics.connectionAccepted(listener);
        // In a flood the acceptor outruns evicted connections' threads unwinding; waiting a moment
        // for one holds the next connections in the kernel's backlog instead of refusing them.
        boolean permitted;
        try {
            permitted = threadPermits.tryAcquire(THREAD_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            permitted = false;
        }
        if (!permitted) {
            refuse(transport);
            return;
        }
        Tracked tracked = new Tracked(transport);
        Tracked victim = null;
        synchronized (open) {
            if (open.size() >= policy.maxConnections()) {
                victim = open.stream().min(Comparator.comparingInt(Tracked::evictionRank)
                        .thenComparingLong(Tracked::since)).orElseThrow();
                open.remove(victim);
            }
            open.add(tracked);
        }
        if (victim != null) {
            evict(victim, "limit");
        }
        metrics.connectionOpened(listener);
        try {
            threads.execute(() -> {
                try {
                    serve(tracked);
                } finally {
                    threadPermits.release();
                }
            });
        } catch (RejectedExecutionException e) {
            threadPermits.release();
            synchronized (open) {
                open.remove(tracked);
            }
            metrics.connectionClosed(listener);
            refuse(transport);
        }
    }

    private void refuse(Transport transport) {
        metrics.connectionRefused(listener);
        warnings.record("refused");
        transport.close();
    }

    private void serve(Tracked tracked) {
        TrackedConnection connection = new TrackedConnection(http1Config, tracked);
        try {
            connection.bind(tracked.transport.socket());
            while (running && connection.isOpen()) {
                http.handleRequest(connection, HttpCoreContext.create());
            }
        } catch (ConnectionClosedException e) {
            LOG.trace("Client closed the connection");
        } catch (IOException | HttpException e) {
            LOG.debug("Connection ended: {}", e.toString());
        } finally {
            synchronized (open) {
                open.remove(tracked);
            }
            tracked.closeWith(connection);
            metrics.connectionClosed(listener);
        }
    }

    private void enforceDeadlines() {
        try {
            long now = System.nanoTime();
            List<Tracked> expired = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            synchronized (open) {
                for (Tracked tracked : open) {
                    String reason = tracked.expiredReason(now, policy);
                    if (reason != null) {
                        expired.add(tracked);
                        reasons.add(reason);
                    }
                }
                expired.forEach(open::remove);
            }
            for (int i = 0; i < expired.size(); i++) {
                evict(expired.get(i), reasons.get(i));
            }
            warnings.flushIfDue();
        } catch (RuntimeException e) {
            // A failed check must not cancel the schedule: deadlines would stop for good.
            LOG.error("{} {}: checking connection deadlines failed", name, listener, e);
        }
    }

    private void evict(Tracked tracked, String reason) {
        metrics.connectionEvicted(listener, reason);
        if ("idle".equals(reason)) {
            // Keep-alive housekeeping: clients reconnect as they need to.
            LOG.debug("{} {}: closing a connection idle for over {} ms", name, listener,
                    policy.idleTimeout().toMillis());
        } else {
            warnings.record(reason);
        }
        tracked.abort();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** One connection's phase and since when it is in it. */
    static final class Tracked {
        final Transport transport;
        private Phase phase = Phase.IDLE;
        private long since = System.nanoTime();
        private int served;
        private boolean closed;

        Tracked(Transport transport) {
            this.transport = transport;
        }

        /**
         * Aborts the transport unless its thread has closed it: a shutdown on a closed descriptor
         * could hit whichever connection was accepted onto the same number since.
         */
        synchronized void abort() {
            if (!closed) {
                transport.abort();
            }
        }

        synchronized void closeWith(DefaultBHttpServerConnection connection) {
            closed = true;
            try {
                connection.close();
            } catch (IOException e) {
                LOG.trace("Closing a connection failed", e);
            }
            transport.close();
        }

        synchronized void bytesArrived() {
            if (phase == Phase.IDLE) {
                phase = Phase.READING;
                since = System.nanoTime();
            }
        }

        synchronized void requestHeadRead() {
            phase = Phase.RESPONDING;
            since = System.nanoTime();
        }

        synchronized void exchangeCompleted() {
            served++;
            phase = Phase.IDLE;
            since = System.nanoTime();
        }

        synchronized long since() {
            return since;
        }

        /**
         * Lower goes first: connections that never completed a request (idle or slowloris), then
         * idle keep-alive ones (a poller between polls reconnects at no cost), and a response in
         * progress last.
         */
        synchronized int evictionRank() {
            if (phase == Phase.RESPONDING) {
                return 2;
            }
            return served == 0 ? 0 : 1;
        }

        synchronized String expiredReason(long now, ConnectionPolicy policy) {
            long age = now - since;
            switch (phase) {
                case IDLE:
                    return age > policy.idleTimeout().toNanos() ? "idle" : null;
                case READING:
                    return age > policy.headerTimeout().toNanos() ? "header-deadline" : null;
                default:
                    return age > policy.writeTimeout().toNanos() ? "write-deadline" : null;
            }
        }
    }

    /** HttpCore's server connection, telling its tracker when request bytes arrive. */
    private static final class TrackedConnection extends DefaultBHttpServerConnection {
        final Tracked tracked;

        TrackedConnection(Http1Config config, Tracked tracked) {
            super("http", config);
            this.tracked = tracked;
        }

        @Override
        public void bind(Socket socket) throws IOException {
            bind(new SocketHolder(socket) {
                @Override
                protected InputStream getInputStream(Socket ignored) throws IOException {
                    return new NoticingInputStream(super.getInputStream(ignored), tracked);
                }
            });
        }
    }

    private static final class NoticingInputStream extends FilterInputStream {
        private final Tracked tracked;

        NoticingInputStream(InputStream in, Tracked tracked) {
            super(in);
            this.tracked = tracked;
        }

        @Override
        public int read() throws IOException {
            int read = super.read();
            if (read >= 0) {
                tracked.bytesArrived();
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                tracked.bytesArrived();
            }
            return read;
        }
    }

    /** Moves each connection through its phases as HttpCore handles its requests. */
    private static final class PhaseListener implements Http1StreamListener {
        @Override
        public void onRequestHead(HttpConnection connection, HttpRequest request) {
            ((TrackedConnection) connection).tracked.requestHeadRead();
        }

        @Override
        public void onResponseHead(HttpConnection connection, HttpResponse response) {
            // still responding: the body is being written
        }

        @Override
        public void onExchangeComplete(HttpConnection connection, boolean keepAlive) {
            ((TrackedConnection) connection).tracked.exchangeCompleted();
        }
    }
}
