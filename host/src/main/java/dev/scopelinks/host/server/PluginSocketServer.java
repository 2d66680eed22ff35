package dev.scopelinks.host.server;

import dev.scopelinks.host.metrics.HostMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import jnr.unixsocket.UnixServerSocketChannel;
import jnr.unixsocket.UnixSocketAddress;
import jnr.unixsocket.UnixSocketChannel;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.DefaultConnectionReuseStrategy;
import org.apache.hc.core5.http.impl.Http1StreamListener;
import org.apache.hc.core5.http.impl.io.DefaultBHttpServerConnection;
import org.apache.hc.core5.http.impl.io.DefaultClassicHttpResponseFactory;
import org.apache.hc.core5.http.impl.io.HttpService;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.http.impl.HttpProcessors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the plugin socket Scope's probe polls: HTTP/1.1 with keep-alive over a UNIX socket,
 * through HttpCore's classic server codec on jnr-unixsocket channels. jnr's read timeout never
 * fires, so a reaper closes connections that stay silent (idle, or stuck half way through a
 * request) for longer than the idle timeout.
 */
public final class PluginSocketServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginSocketServer.class);
    /** Reports run to megabytes; larger buffers mean far fewer native writes per response. */
    private static final Http1Config HTTP_CONFIG = Http1Config.custom().setBufferSize(64 * 1024).build();

    /**
     * How the server behaves.
     *
     * @param socketPath       where to bind, {@code <root>/<id>/<id>.sock}
     * @param idleTimeout      a connection with no complete request for this long is closed
     * @param takeoverWait     how long to wait for a live instance on the path to go away
     * @param maxConnections   connections served at once; more are closed at once
     */
    public record Settings(Path socketPath, Duration idleTimeout, Duration takeoverWait, int maxConnections) {
        public Settings {
            Objects.requireNonNull(socketPath, "socketPath");
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            Objects.requireNonNull(takeoverWait, "takeoverWait");
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be positive");
            }
        }
    }

    private final Settings settings;
    private final SocketFile file;
    private final HttpService http;
    private final ThreadPoolExecutor connections;
    private final ScheduledExecutorService reaper;
    private final Map<HttpConnection, Activity> activity = new ConcurrentHashMap<>();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private volatile boolean running;
    private UnixServerSocketChannel channel;
    private Thread acceptor;
    private Object socketKey;

    public PluginSocketServer(Settings settings, Supplier<byte[]> reportBody, HostMetrics metrics) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.file = new SocketFile(settings.socketPath());
        ReportRequestHandler handler = new ReportRequestHandler(reportBody, metrics);
        this.http = new HttpService(HttpProcessors.server("scope-links"), (request, context) -> handler,
                DefaultConnectionReuseStrategy.INSTANCE, DefaultClassicHttpResponseFactory.INSTANCE,
                new ActivityListener());
        this.connections = new ThreadPoolExecutor(0, settings.maxConnections(), 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> daemon(runnable, "socket-conn-" + threadNumber.incrementAndGet()));
        this.reaper = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "socket-reaper"));
    }

    /** Claims the path and starts accepting; returns once the socket answers. */
    public synchronized void start() throws IOException, SocketInUseException, InterruptedException {
        file.claim(settings.takeoverWait());
        channel = UnixServerSocketChannel.open();
        channel.socket().bind(new UnixSocketAddress(settings.socketPath().toFile()));
        socketKey = file.fileKey();
        file.restrictPermissions();
        running = true;
        acceptor = daemon(this::acceptLoop, "socket-accept");
        acceptor.start();
        long period = Math.max(100, Math.min(1000, settings.idleTimeout().toMillis() / 4));
        reaper.scheduleAtFixedRate(this::closeIdleConnections, period, period, TimeUnit.MILLISECONDS);
        LOG.info("Serving Scope's probe on {}", settings.socketPath());
    }

    public Path socketPath() {
        return settings.socketPath();
    }

    public boolean isRunning() {
        return running && acceptor != null && acceptor.isAlive();
    }

    private void acceptLoop() {
        while (running) {
            UnixSocketChannel client;
            try {
                client = channel.accept();
            } catch (IOException e) {
                if (running) {
                    LOG.error("Accepting on {} failed", settings.socketPath(), e);
                }
                return;
            }
            if (client == null) {
                continue;
            }
            if (!running) {
                closeQuietly(client);
                return;
            }
            try {
                connections.execute(() -> serve(client));
            } catch (RejectedExecutionException e) {
                LOG.warn("Too many connections ({}); closing a new one", settings.maxConnections());
                closeQuietly(client);
            }
        }
    }

    private void serve(UnixSocketChannel client) {
        DefaultBHttpServerConnection connection = new DefaultBHttpServerConnection("http", HTTP_CONFIG);
        activity.put(connection, new Activity(client));
        try {
            connection.bind(client.socket());
            while (running && connection.isOpen()) {
                http.handleRequest(connection, HttpCoreContext.create());
            }
        } catch (ConnectionClosedException e) {
            LOG.trace("Client closed the connection");
        } catch (IOException | HttpException e) {
            LOG.debug("Connection ended: {}", e.toString());
        } finally {
            activity.remove(connection);
            try {
                connection.close();
            } catch (IOException e) {
                LOG.trace("Closing a connection failed", e);
            }
            closeQuietly(client);
        }
    }

    private void closeIdleConnections() {
        long limit = settings.idleTimeout().toNanos();
        long now = System.nanoTime();
        activity.forEach((connection, state) -> {
            if (now - state.lastActive > limit) {
                LOG.debug("Closing a connection silent for over {} ms", settings.idleTimeout().toMillis());
                activity.remove(connection);
                wakeReader(state.channel);
            }
        });
    }

    /** Stops accepting, closes every connection and removes the socket file (if it is still ours). */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        // jnr's accept does not return when its channel is closed; a last connection wakes it up.
        try (UnixSocketChannel wake = UnixSocketChannel.open(new UnixSocketAddress(settings.socketPath().toFile()))) {
            LOG.trace("Woke the acceptor through {}", wake);
        } catch (IOException e) {
            LOG.trace("Could not wake the acceptor", e);
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(channel);
        activity.values().forEach(state -> wakeReader(state.channel));
        activity.clear();
        connections.shutdownNow();
        reaper.shutdownNow();
        file.remove(socketKey);
        LOG.info("Removed socket {}", settings.socketPath());
    }

    /**
     * Ends the blocked read of a connection's own thread, which then closes the channel itself.
     * Closing it from here instead would free the descriptor while that thread still uses it, and
     * the next accepted connection, given the same descriptor, could receive the old one's bytes.
     */
    private static void wakeReader(UnixSocketChannel channel) {
        try {
            channel.shutdownInput();
        } catch (IOException e) {
            LOG.trace("shutdownInput failed", e);
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException e) {
            LOG.trace("Close failed", e);
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private static final class Activity {
        final UnixSocketChannel channel;
        volatile long lastActive = System.nanoTime();

        Activity(UnixSocketChannel channel) {
            this.channel = channel;
        }
    }

    /** Marks a connection active whenever a request or response moves on it. */
    private final class ActivityListener implements Http1StreamListener {
        @Override
        public void onRequestHead(HttpConnection connection, HttpRequest request) {
            touch(connection);
        }

        @Override
        public void onResponseHead(HttpConnection connection, HttpResponse response) {
            touch(connection);
        }

        @Override
        public void onExchangeComplete(HttpConnection connection, boolean keepAlive) {
            touch(connection);
        }

        private void touch(HttpConnection connection) {
            Activity state = activity.get(connection);
            if (state != null) {
                state.lastActive = System.nanoTime();
            }
        }
    }
}
