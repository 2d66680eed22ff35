package dev.scopelinks.host.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scopelinks.host.metrics.HostMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin port for the kubelet and Prometheus: {@code /healthz}, {@code /readyz} and
 * {@code /metrics}. It binds to loopback unless told otherwise.
 */
public final class AdminServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

    private final HttpServer server;

    public AdminServer(InetSocketAddress address, BooleanSupplier healthy, BooleanSupplier ready,
                       Supplier<String> readiness, HostMetrics metrics) throws IOException {
        server = HttpServer.create(address, 16);
        server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "admin-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/healthz", exchange -> respond(exchange, healthy.getAsBoolean() ? 200 : 503,
                "text/plain", (healthy.getAsBoolean() ? "ok\n" : "socket server down\n").getBytes(StandardCharsets.UTF_8)));
        server.createContext("/readyz", exchange -> respond(exchange, ready.getAsBoolean() ? 200 : 503,
                "text/plain", readiness.get().getBytes(StandardCharsets.UTF_8)));
        server.createContext("/metrics", exchange -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            metrics.writeTo(body);
            respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", body.toByteArray());
        });
        server.start();
        LOG.info("Admin endpoints on http://{}:{}/ (healthz, readyz, metrics)", address.getHostString(), port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
                status = 404;
                body = "not found\n".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
