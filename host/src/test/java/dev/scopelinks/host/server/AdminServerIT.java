package dev.scopelinks.host.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.server.HostileClients.Behaviour;
import dev.scopelinks.host.testing.Eventually;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin port over real TCP: the kubelet's probes are answered whatever other clients do. */
class AdminServerIT {

    /** The kubelet's default probe timeout. */
    private static final Duration KUBELET_TIMEOUT = Duration.ofSeconds(1);

    private final HostMetrics metrics = new HostMetrics();
    private AdminServer admin;

    @AfterEach
    void stop() {
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void answersHealthzReadyzAndMetricsWhileAHundredHalfSentRequestsSitOnThePort() throws Exception {
        // given the default policy and 100 clients that each keep a request head half sent
        admin = start(AdminServer.DEFAULT_POLICY);
        HostileClients stalled = HostileClients.onTcp(address(), "/healthz").start(Behaviour.SLOWLORIS, 100);
        try {
            Eventually.within(Duration.ofSeconds(20), () -> assertThat(stalled.connects()).isGreaterThanOrEqualTo(100));

            // when the kubelet and Prometheus keep asking, for longer than the header deadline
            List<String> failures = new ArrayList<>();
            int asked = 0;
            long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (System.nanoTime() < end) {
                for (String path : List.of("/healthz", "/readyz", "/metrics")) {
                    asked++;
                    try {
                        int status = get(path);
                        if (status != 200) {
                            failures.add(path + ": " + status);
                        }
                    } catch (IOException e) {
                        failures.add(path + ": " + e);
                    }
                }
                Thread.sleep(200); // the kubelet's probes come on a schedule: the point of the test
            }

            // then every probe got its answer within the kubelet's timeout
            assertThat(failures).as("%d requests", asked).isEmpty();
            assertThat(evicted("limit")).isPositive();
        } finally {
            admin.close();
            stalled.close();
        }
    }

    @Test
    void cutsOffAHalfSentRequestAtTheHeaderDeadline() throws Exception {
        admin = start(new ConnectionPolicy(4, Duration.ofSeconds(30), Duration.ofMillis(300), Duration.ofSeconds(5),
                Duration.ofSeconds(60)));

        try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), admin.port())) {
            OutputStream out = slow.getOutputStream();
            out.write("GET /healthz HTTP/1.1\r\nHost: admin\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            InputStream in = slow.getInputStream();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                while (in.read() >= 0) {
                    // whatever the server says before it hangs up
                }
            });
        }
        assertThat(evicted("header-deadline")).isEqualTo(1);
        assertThat(get("/healthz")).isEqualTo(200);
    }

    @Test
    void answersUnknownPathsWith404AndOtherMethodsWith405() throws Exception {
        admin = start(AdminServer.DEFAULT_POLICY);

        assertThat(get("/nope")).isEqualTo(404);
        HttpURLConnection post = open("/healthz");
        post.setRequestMethod("POST");
        assertThat(post.getResponseCode()).isEqualTo(405);
        assertThat(get("/healthz")).isEqualTo(200);
    }

    private AdminServer start(ConnectionPolicy policy) throws IOException {
        return new AdminServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), policy, () -> true,
                () -> true, () -> "synced\n", metrics);
    }

    private InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), admin.port());
    }

    private int get(String path) throws IOException {
        HttpURLConnection connection = open(path);
        try (InputStream body = connection.getResponseCode() < 400 ? connection.getInputStream()
                : connection.getErrorStream()) {
            if (body != null) {
                body.readAllBytes();
            }
            return connection.getResponseCode();
        }
    }

    private HttpURLConnection open(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http", "127.0.0.1", admin.port(), path)
                .openConnection();
        connection.setConnectTimeout((int) KUBELET_TIMEOUT.toMillis());
        connection.setReadTimeout((int) KUBELET_TIMEOUT.toMillis());
        return connection;
    }

    private double evicted(String reason) throws IOException {
        return MetricsText.value(metrics, "scope_links_connections_evicted_total",
                "listener=\"admin\",reason=\"" + reason + "\"");
    }
}
