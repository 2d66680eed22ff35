package dev.scopelinks.host.probe;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jnr.unixsocket.UnixSocketAddress;
import jnr.unixsocket.UnixSocketChannel;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.DefaultConnectionReuseStrategy;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpCoreContext;

/**
 * Polls a plugin socket the way Weave Scope's probe does: {@code GET
 * /report?api_version=1&probe_id=…} over HTTP/1.1 with keep-alive, and one deadline for dial,
 * request and response together. A poll that misses the deadline fails, as it would for Scope.
 * Used by {@code scope-links poll} and by the end-to-end tests.
 */
public final class ProbeClient implements AutoCloseable {

    /** The probe's budget for one poll. */
    public static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);

    /** One answer. */
    public record Response(int status, String contentType, byte[] body, long nanos) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Path socket;
    private final Duration timeout;
    private final String probeId;
    private final HttpRequestExecutor executor = new HttpRequestExecutor();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "probe-client-deadline");
        thread.setDaemon(true);
        return thread;
    });
    private UnixSocketChannel channel;
    private DefaultBHttpClientConnection connection;
    private int connectionsOpened;

    public ProbeClient(Path socket, Duration timeout, String probeId) {
        this.socket = Objects.requireNonNull(socket, "socket");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.probeId = Objects.requireNonNull(probeId, "probeId");
    }

    /** Sends exactly the probe's request. */
    public Response pollReport() throws IOException {
        return get("/report?api_version=1&probe_id=" + probeId);
    }

    /** GETs {@code pathAndQuery}, reusing the open connection when the server kept it alive. */
    public Response get(String pathAndQuery) throws IOException {
        return exchange(new BasicClassicHttpRequest("GET", pathAndQuery));
    }

    /** Sends {@code request} within the deadline. */
    public synchronized Response exchange(ClassicHttpRequest request) throws IOException {
        long start = System.nanoTime();
        ScheduledFuture<?> deadline = watchdog.schedule(this::abort, timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            ensureConnected();
            request.setHeader("Host", "plugin");
            request.setHeader("User-Agent", "Go-http-client/1.1");
            HttpCoreContext context = HttpCoreContext.create();
            ClassicHttpResponse response = executor.execute(request, connection, context);
            byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            Header type = response.getFirstHeader("Content-Type");
            if (!DefaultConnectionReuseStrategy.INSTANCE.keepAlive(request, response, context)) {
                disconnect();
            }
            long nanos = System.nanoTime() - start;
            if (nanos > timeout.toNanos()) {
                throw new IOException("no complete answer within " + timeout.toMillis() + " ms");
            }
            return new Response(response.getCode(), type == null ? "" : type.getValue(), body, nanos);
        } catch (HttpException e) {
            disconnect();
            throw new IOException("HTTP protocol error: " + e.getMessage(), e);
        } catch (IOException e) {
            disconnect();
            if (System.nanoTime() - start >= timeout.toNanos()) {
                throw new InterruptedIOException("no complete answer within " + timeout.toMillis() + " ms");
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    /** How many connections this client opened; 1 after many polls means keep-alive works. */
    public synchronized int connectionsOpened() {
        return connectionsOpened;
    }

    private void ensureConnected() throws IOException {
        if (connection != null && connection.isOpen()) {
            return;
        }
        channel = UnixSocketChannel.open(new UnixSocketAddress(socket.toFile()));
        connection = new DefaultBHttpClientConnection(Http1Config.custom().setBufferSize(64 * 1024).build());
        connection.bind(channel.socket());
        connectionsOpened++;
    }

    private void abort() {
        UnixSocketChannel open = channel;
        if (open != null) {
            try {
                open.shutdownInput();
                open.close();
            } catch (IOException e) {
                // the exchange will fail with its own error
            }
        }
    }

    private void disconnect() {
        try {
            if (connection != null) {
                connection.close();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // already broken
        } finally {
            connection = null;
            channel = null;
        }
    }

    @Override
    public synchronized void close() {
        disconnect();
        watchdog.shutdownNow();
    }
}
