package dev.scopelinks.host.server;

import dev.scopelinks.host.metrics.HostMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin port for the kubelet and Prometheus: {@code /healthz}, {@code /readyz} and
 * {@code /metrics}. It binds to loopback unless told otherwise. It runs on the same guarded
 * HTTP server as the plugin socket, so a half-sent request or a slow reader is cut off at its
 * deadline and a flood of connections evicts the least useful one: the kubelet's probe is
 * always answered, and never restarts a healthy host because some client stalled.
 */
public final class AdminServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final ContentType PLAIN = ContentType.create("text/plain", StandardCharsets.UTF_8);
    private static final ContentType PROMETHEUS = ContentType.parse("text/plain; version=0.0.4; charset=utf-8");
    private static final Http1Config HTTP_CONFIG = Http1Config.custom().setBufferSize(16 * 1024)
            .setMaxLineLength(8192).setMaxHeaderCount(100).setMaxEmptyLineCount(10).build();

    /**
     * The kubelet and Prometheus each keep a connection or two; 16 leaves room for people with
     * curl. Idle keep-alive connections go after 10 s.
     */
    public static final ConnectionPolicy DEFAULT_POLICY = new ConnectionPolicy(16, Duration.ofSeconds(10),
            ConnectionPolicy.DEFAULT_HEADER_TIMEOUT, ConnectionPolicy.DEFAULT_WRITE_TIMEOUT,
            ConnectionPolicy.DEFAULT_WARN_INTERVAL);

    private final ServerSocket listening;
    private final GuardedHttpServer server;
    private final InetSocketAddress address;

    public AdminServer(InetSocketAddress address, BooleanSupplier healthy, BooleanSupplier ready,
                       Supplier<String> readiness, HostMetrics metrics) throws IOException {
        this(address, DEFAULT_POLICY, healthy, ready, readiness, metrics);
    }

    public AdminServer(InetSocketAddress address, ConnectionPolicy policy, BooleanSupplier healthy,
                       BooleanSupplier ready, Supplier<String> readiness, HostMetrics metrics) throws IOException {
        this.address = address;
        this.listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(address, 50);
        this.server = new GuardedHttpServer("admin", "admin", policy, HTTP_CONFIG,
                (request, response, context) -> handle(request, response, healthy, ready, readiness, metrics), metrics);
        server.start(() -> new TcpTransport(listening.accept()));
        LOG.info("Admin endpoints on http://{}:{}/ (healthz, readyz, metrics)", address.getHostString(), port());
    }

    public int port() {
        return listening.getLocalPort();
    }

    private static void handle(ClassicHttpRequest request, ClassicHttpResponse response, BooleanSupplier healthy,
                               BooleanSupplier ready, Supplier<String> readiness, HostMetrics metrics)
            throws IOException {
        String path = request.getPath() == null ? "" : request.getPath();
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (!"/healthz".equals(path) && !"/readyz".equals(path) && !"/metrics".equals(path)) {
            respond(response, HttpStatus.SC_NOT_FOUND, PLAIN, "not found\n");
            return;
        }
        if (!Method.GET.isSame(request.getMethod()) && !Method.HEAD.isSame(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, "GET, HEAD");
            respond(response, HttpStatus.SC_METHOD_NOT_ALLOWED, PLAIN, "method not allowed: use GET\n");
            return;
        }
        switch (path) {
            case "/healthz":
                boolean up = healthy.getAsBoolean();
                respond(response, up ? 200 : 503, PLAIN, up ? "ok\n" : "socket server down\n");
                break;
            case "/readyz":
                respond(response, ready.getAsBoolean() ? 200 : 503, PLAIN, readiness.get());
                break;
            default:
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                metrics.writeTo(body);
                response.setCode(200);
                response.setEntity(new ByteArrayEntity(body.toByteArray(), PROMETHEUS));
        }
    }

    private static void respond(ClassicHttpResponse response, int status, ContentType type, String body) {
        response.setCode(status);
        response.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), type));
    }

    @Override
    public void close() {
        server.stop(() -> {
            try {
                listening.close();
            } catch (IOException e) {
                LOG.trace("Closing the admin port failed", e);
            }
        });
        LOG.debug("Admin endpoints on {} closed", address);
    }

    /** A TCP connection. Closing a JDK socket from another thread is safe: it wakes the blocked thread first. */
    private static final class TcpTransport implements GuardedHttpServer.Transport {
        private final Socket socket;

        TcpTransport(Socket socket) {
            this.socket = socket;
            try {
                socket.setTcpNoDelay(true); // small answers, sent at once
            } catch (IOException e) {
                LOG.trace("TCP_NODELAY not set", e);
            }
        }

        @Override
        public Socket socket() {
            return socket;
        }

        @Override
        public void abort() {
            close();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.trace("Closing an admin connection failed", e);
            }
        }
    }
}
