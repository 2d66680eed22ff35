package dev.scopelinks.host.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.probe.ProbeClient;
import dev.scopelinks.host.report.ReportBody;
import dev.scopelinks.host.testing.Eventually;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;
import jnr.unixsocket.UnixServerSocketChannel;
import jnr.unixsocket.UnixSocketAddress;
import jnr.unixsocket.UnixSocketChannel;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin socket, exercised through a real UNIX socket with the probe's own request. */
class PluginSocketServerIT {

    private static final byte[] REPORT = "{\"Plugins\":[]}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;

    private PluginSocketServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void answersTheProbesExactRequestWithThePreparedJson() throws Exception {
        server = start(socket(), Duration.ofSeconds(30), Duration.ofSeconds(1));

        try (ProbeClient probe = probe()) {
            ProbeClient.Response response = probe.pollReport();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.contentType()).startsWith("application/json");
            assertThat(response.body()).isEqualTo(REPORT);
        }
    }

    @Test
    void servesManyPollsOverOneKeptAliveConnection() throws Exception {
        server = start(socket(), Duration.ofSeconds(30), Duration.ofSeconds(1));

        try (ProbeClient probe = probe()) {
            for (int i = 0; i < 25; i++) {
                assertThat(probe.pollReport().status()).isEqualTo(200);
            }
            assertThat(probe.connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void answersOtherPathsWith404AndOtherMethodsWith405() throws Exception {
        server = start(socket(), Duration.ofSeconds(30), Duration.ofSeconds(1));

        try (ProbeClient probe = probe()) {
            assertThat(probe.get("/metrics").status()).isEqualTo(404);
            assertThat(probe.get("/reports").status()).isEqualTo(404);
            assertThat(probe.exchange(new BasicClassicHttpRequest("POST", "/report")).status()).isEqualTo(405);
            assertThat(probe.exchange(new BasicClassicHttpRequest("DELETE", "/report?x=1")).status()).isEqualTo(405);
            assertThat(probe.get("/report").status()).isEqualTo(200);
        }
    }

    @Test
    void closesAnIdleConnectionAfterTheIdleTimeout() throws Exception {
        server = start(socket(), Duration.ofMillis(300), Duration.ofSeconds(1));

        try (UnixSocketChannel idle = UnixSocketChannel.open(new UnixSocketAddress(socket().toFile()))) {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(readToEnd(idle)).isEmpty());
        }
    }

    @Test
    void closesAConnectionStuckHalfWayThroughARequest() throws Exception {
        server = start(socket(), Duration.ofMillis(300), Duration.ofSeconds(1));

        try (UnixSocketChannel slow = UnixSocketChannel.open(new UnixSocketAddress(socket().toFile()))) {
            slow.write(ByteBuffer.wrap("GET /report HTTP/1.1\r\nHost: plugin\r\n".getBytes(StandardCharsets.US_ASCII)));
            // The connection must end (whatever HttpCore makes of the truncated head) instead of pinning a thread.
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> readToEnd(slow));
        }
        try (ProbeClient probe = probe()) {
            ProbeClient.Response after = probe.pollReport();
            assertThat(after.status()).as("the server still answers others: %s", after.bodyText()).isEqualTo(200);
        }
    }

    @Test
    void replacesAStaleSocketLeftByAKilledInstance() throws Exception {
        Files.createDirectories(socket().getParent());
        UnixServerSocketChannel killed = UnixServerSocketChannel.open();
        killed.socket().bind(new UnixSocketAddress(socket().toFile()));
        killed.close();
        assertThat(socket()).exists();

        server = start(socket(), Duration.ofSeconds(30), Duration.ofSeconds(1));

        try (ProbeClient probe = probe()) {
            assertThat(probe.pollReport().status()).isEqualTo(200);
        }
    }

    @Test
    void neverStealsASocketAnotherLiveInstanceAnswersOn() throws Exception {
        server = start(socket(), Duration.ofSeconds(30), Duration.ofSeconds(1));
        PluginSocketServer second = server(socket(), Duration.ofSeconds(30), Duration.ofMillis(400));

        assertThatThrownBy(second::start).isInstanceOf(SocketInUseException.class)
                .hasMessageContaining(socket().toString()).hasMessageContaining("another process answers");
        try (ProbeClient probe = probe()) {
            assertThat(probe.pollReport().status()).isEqualTo(200);
        }
    }

    @Test
    void takesOverWhenTheLiveInstanceGoesAwayWithinTheWait() throws Exception {
        HostMetrics firstMetrics = new HostMetrics();
        PluginSocketServer first = new PluginSocketServer(new PluginSocketServer.Settings(socket(),
                Duration.ofSeconds(30), Duration.ofSeconds(1), 8), () -> ReportBody.of(REPORT), firstMetrics);
        first.start();
        server = server(socket(), Duration.ofSeconds(30), Duration.ofSeconds(10));
        CompletableFuture<Void> takeover = CompletableFuture.runAsync(() -> {
            try {
                server.start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // The newcomer found the first instance answering twice (each check is a connection to it),
        // so it is in its wait, not past it.
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(MetricsText.value(firstMetrics,
                "scope_links_connections_accepted_total", "listener=\"scope-links\"")).isGreaterThanOrEqualTo(2));
        assertThat(takeover).isNotDone();

        first.close();

        takeover.get(10, TimeUnit.SECONDS);
        try (ProbeClient probe = probe()) {
            assertThat(probe.pollReport().status()).isEqualTo(200);
        }
    }

    @Test
    void removesItsSocketFileOnClose() throws Exception {
        server = start(socket(), Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertThat(socket()).exists();

        server.close();

        assertThat(socket()).doesNotExist();
    }

    @Test
    void refusesAPathThatIsARegularFile() throws Exception {
        Files.createDirectories(socket().getParent());
        Files.writeString(socket(), "not a socket");

        assertThatThrownBy(() -> start(socket(), Duration.ofSeconds(30), Duration.ofSeconds(1)))
                .isInstanceOf(SocketInUseException.class).hasMessageContaining("is not a socket");
        assertThat(Files.readString(socket())).isEqualTo("not a socket");
    }

    @Test
    void letsOnlyOwnerAndGroupConnect() throws Exception {
        server = start(socket(), Duration.ofSeconds(30), Duration.ofSeconds(1));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket()))).isEqualTo("rw-rw----");
    }

    @Test
    void createsMissingPluginDirectories0755EvenUnderUmask000() throws Exception {
        // given a process umask that would leave new directories writable by anyone
        Path socket = root.resolve("plugins").resolve("scope-links").resolve("scope-links.sock");
        POSIX posix = POSIXFactory.getPOSIX();
        int previous = posix.umask(0);
        try {
            server = start(socket, Duration.ofSeconds(30), Duration.ofSeconds(1));
        } finally {
            posix.umask(previous);
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent().getParent())))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-rw----");
    }

    private Path socket() {
        return root.resolve("scope-links").resolve("scope-links.sock");
    }

    /** Behaviour, not speed, is tested here: a loaded build machine must not fail it (the e2e tests keep 500 ms). */
    private ProbeClient probe() {
        return new ProbeClient(socket(), Duration.ofSeconds(3), "test-probe");
    }

    private static PluginSocketServer start(Path socket, Duration idle, Duration takeover) throws Exception {
        PluginSocketServer server = server(socket, idle, takeover);
        server.start();
        return server;
    }

    private static PluginSocketServer server(Path socket, Duration idle, Duration takeover) {
        return new PluginSocketServer(new PluginSocketServer.Settings(socket, idle, takeover, 8), () -> ReportBody.of(REPORT),
                new HostMetrics());
    }

    private static byte[] readToEnd(UnixSocketChannel channel) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        int read;
        while ((read = channel.read(buffer)) > 0) {
            all.write(buffer.array(), 0, read);
            buffer.clear();
        }
        return all.toByteArray();
    }
}
