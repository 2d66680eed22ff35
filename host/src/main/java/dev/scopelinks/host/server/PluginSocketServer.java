package dev.scopelinks.host.server;

import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.report.ReportBody;
import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import jnr.unixsocket.UnixServerSocketChannel;
import jnr.unixsocket.UnixSocketAddress;
import jnr.unixsocket.UnixSocketChannel;
import org.apache.hc.core5.http.config.Http1Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the plugin socket Scope's probe polls: HTTP/1.1 with keep-alive over a UNIX socket,
 * through HttpCore's classic server codec on jnr-unixsocket channels, under a
 * {@link ConnectionPolicy}: a new connection is always taken (at the limit the least useful open
 * one is closed instead), and idle connections, half-sent requests and slow readers are cut off
 * at their deadlines, so no client can keep the probe from its poll.
 */
public final class PluginSocketServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginSocketServer.class);
    /**
     * Reports run to megabytes; larger buffers mean far fewer native writes per response. The
     * request limits are HttpCore's defaults, pinned: a head line over 8 KiB or more than 100
     * header fields is refused with 431 before anything else is read.
     */
    private static final Http1Config HTTP_CONFIG = Http1Config.custom().setBufferSize(64 * 1024)
            .setMaxLineLength(8192).setMaxHeaderCount(100).setMaxEmptyLineCount(10).build();

    /**
     * How the server behaves.
     *
     * @param socketPath      where to bind, {@code <root>/<id>/<id>.sock}
     * @param idleTimeout     a connection waiting this long for its next request is closed
     * @param takeoverWait    how long to wait for a live instance on the path to go away
     * @param maxConnections  connections served at once; the next one evicts the least useful
     * @param headerTimeout   a request head not complete this long after its first byte is cut off
     * @param writeTimeout    a response not fully written in this time is cut off (a slow reader)
     * @param warnInterval    connections closed for cause are logged once per interval, with counts
     */
    public record Settings(Path socketPath, Duration idleTimeout, Duration takeoverWait, int maxConnections,
                           Duration headerTimeout, Duration writeTimeout, Duration warnInterval) {
        public Settings {
            Objects.requireNonNull(socketPath, "socketPath");
            Objects.requireNonNull(takeoverWait, "takeoverWait");
            new ConnectionPolicy(maxConnections, idleTimeout, headerTimeout, writeTimeout, warnInterval);
        }

        /** Default header and write deadlines and warning interval. */
        public Settings(Path socketPath, Duration idleTimeout, Duration takeoverWait, int maxConnections) {
            this(socketPath, idleTimeout, takeoverWait, maxConnections, ConnectionPolicy.DEFAULT_HEADER_TIMEOUT,
                    ConnectionPolicy.DEFAULT_WRITE_TIMEOUT, ConnectionPolicy.DEFAULT_WARN_INTERVAL);
        }

        ConnectionPolicy policy() {
            return new ConnectionPolicy(maxConnections, idleTimeout, headerTimeout, writeTimeout, warnInterval);
        }
    }

    private final Settings settings;
    private final SocketFile file;
    private final GuardedHttpServer server;
    private UnixServerSocketChannel channel;
    private Object socketKey;
    private volatile boolean started;

    public PluginSocketServer(Settings settings, Supplier<ReportBody> reportBody, HostMetrics metrics) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.file = new SocketFile(settings.socketPath());
        this.server = new GuardedHttpServer("socket", pluginId(settings.socketPath()), settings.policy(), HTTP_CONFIG,
                new ReportRequestHandler(reportBody, metrics), metrics);
    }

    /** Claims the path and starts accepting; returns once the socket answers. */
    public synchronized void start() throws IOException, SocketInUseException, InterruptedException {
        file.claim(settings.takeoverWait());
        channel = UnixServerSocketChannel.open();
        channel.socket().bind(new UnixSocketAddress(settings.socketPath().toFile()));
        socketKey = file.fileKey();
        file.restrictPermissions();
        server.start(() -> {
            UnixSocketChannel client = channel.accept();
            return client == null ? null : new UnixTransport(client);
        });
        started = true;
        LOG.info("Serving Scope's probe on {}", settings.socketPath());
    }

    public Path socketPath() {
        return settings.socketPath();
    }

    public boolean isRunning() {
        return started && server.isRunning();
    }

    /** Stops accepting, closes every connection and removes the socket file (if it is still ours). */
    @Override
    public synchronized void close() {
        if (!started) {
            return;
        }
        started = false;
        server.stop(this::wakeAcceptor);
        closeQuietly(channel);
        file.remove(socketKey);
        LOG.info("Removed socket {}", settings.socketPath());
    }

    /** jnr's accept does not return when its channel is closed; a last connection wakes it up. */
    private void wakeAcceptor() {
        try (UnixSocketChannel wake = UnixSocketChannel.open(new UnixSocketAddress(settings.socketPath().toFile()))) {
            LOG.trace("Woke the acceptor through {}", wake);
        } catch (IOException e) {
            LOG.trace("Could not wake the acceptor", e);
        }
    }

    /** The metrics' listener label: the socket's name without {@code .sock}, which Scope takes as the plugin id. */
    private static String pluginId(Path socketPath) {
        String name = socketPath.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException e) {
            LOG.trace("Close failed", e);
        }
    }

    /** A jnr UNIX socket connection. */
    private static final class UnixTransport implements GuardedHttpServer.Transport {
        private final UnixSocketChannel channel;

        UnixTransport(UnixSocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public Socket socket() {
            return channel.socket();
        }

        /**
         * Shuts the channel down rather than closing it: closing would free the descriptor while
         * the connection's own thread still uses it, and the next accepted connection, given the
         * same descriptor, could receive the old one's bytes. A shut-down channel makes that
         * thread's blocked read return and its blocked write fail; the thread then closes it.
         */
        @Override
        public void abort() {
            try {
                channel.shutdownInput();
            } catch (IOException e) {
                LOG.trace("shutdownInput failed", e);
            }
            try {
                channel.shutdownOutput();
            } catch (IOException e) {
                LOG.trace("shutdownOutput failed", e);
            }
        }

        @Override
        public void close() {
            closeQuietly(channel);
        }
    }
}
