package dev.scopelinks.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.report.ReportBody;
import dev.scopelinks.host.server.PluginSocketServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code poll}: asks a socket for its report as the probe would, summarizes it and says what Scope would make of it. */
class PollCommandTest {

    private static final String ACCEPTED = """
            {"Plugins":[{"id":"scope-links","label":"Links","interfaces":["reporter"],"api_version":"1"}],
             "Pod":{"nodes":{"u;<pod>":{"id":"u;<pod>","latest":{"scope-links-logs":
               {"timestamp":"2026-11-25T10:00:00Z","value":"https://logs.example/u"}}},
                     "v;<pod>":{"id":"v;<pod>","latest":{}}},
              "metadata_templates":{"scope-links-logs":{"id":"scope-links-logs","label":"Logs","dataType":"link",
               "priority":1.1,"from":"latest"}}}}
            """;

    @TempDir
    Path root;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printsASummaryWithoutTheBodyAndExits0WhenScopeWouldAcceptTheReport() throws Exception {
        try (PluginSocketServer server = serve(ACCEPTED)) {
            int code = run("poll", server.socketPath().toString());

            assertThat(code).isEqualTo(ExitCodes.OK);
            assertThat(out.toString())
                    .startsWith("plugin    scope-links \"Links\", api_version 1, reporter\n")
                    .contains(String.format("answer    HTTP 200 application/json; charset=UTF-8, %,d bytes in ",
                            ACCEPTED.getBytes(StandardCharsets.UTF_8).length))
                    .contains("nodes     2 (Pod 2)\n")
                    .contains("links     1 (Pod 1); 1 link row\n")
                    .contains("scope     accepts the report; plugin scope-links shows as ok\n")
                    .doesNotContain("https://logs.example/u");
        }
    }

    @Test
    void printsOnlyTheReportOnStdoutWithBodyAndTheSummaryOnStderr() throws Exception {
        try (PluginSocketServer server = serve(ACCEPTED)) {
            int code = run("poll", "--body", server.socketPath().toString());

            assertThat(code).isEqualTo(ExitCodes.OK);
            JsonNode report = new ObjectMapper().readTree(out.toString());
            assertThat(report.path("Pod").path("nodes").size()).isEqualTo(2);
            assertThat(err.toString()).contains("nodes     2 (Pod 2)").contains("accepts the report");
        }
    }

    @Test
    void exits5AndNamesTheFindingWhenScopeWouldDiscardTheReport() throws Exception {
        try (PluginSocketServer server = serve(ACCEPTED.replace("\"api_version\":\"1\"", "\"api_version\":\"2\""))) {
            int code = run("poll", server.socketPath().toString());

            assertThat(code).isEqualTo(ExitCodes.REPORT_REJECTED);
            assertThat(out.toString())
                    .contains("scope     discards the whole report and shows plugin scope-links as error")
                    .contains("  REJECTED $.Plugins[0].api_version");
        }
    }

    @Test
    void exits6WhenScopeWouldSilentlyLeavePartOfTheReportOut() throws Exception {
        try (PluginSocketServer server = serve(ACCEPTED.replace("\"Pod\":", "\"Pods\":"))) {
            int code = run("poll", server.socketPath().toString());

            assertThat(code).isEqualTo(ExitCodes.REPORT_PARTLY_LOST);
            assertThat(out.toString())
                    .contains("scope     takes the report, but silently leaves part of it out")
                    .contains("  IGNORED $.Pods: ");
        }
    }

    @Test
    void exits5WhenTheSocketAnswersWithAStatusOtherThan200() throws Exception {
        Path socket = Files.createDirectories(root.resolve("scope-links")).resolve("scope-links.sock");
        try (CannedHttpServer server = new CannedHttpServer(socket,
                "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n"
                        + "Connection: close\r\n\r\noops")) {
            int code = run("poll", socket.toString());

            assertThat(code).isEqualTo(ExitCodes.REPORT_REJECTED);
            assertThat(out.toString()).contains("answer    HTTP 500 text/plain, 4 bytes")
                    .contains("scope     discards the whole answer (any status but 200)");
        }
    }

    @Test
    void exits1WhenNothingAnswersOnTheSocket() {
        int code = run("poll", root.resolve("absent/absent.sock").toString());

        assertThat(code).isEqualTo(ExitCodes.RUNTIME_FAILURE);
        assertThat(err.toString()).startsWith("error: ")
                .contains("Scope would drop this poll and show plugin absent as error.");
    }

    private PluginSocketServer serve(String body) throws Exception {
        PluginSocketServer server = new PluginSocketServer(new PluginSocketServer.Settings(
                root.resolve("scope-links/scope-links.sock"), Duration.ofSeconds(30), Duration.ofSeconds(1), 4),
                () -> ReportBody.of(body.getBytes(StandardCharsets.UTF_8)), new HostMetrics());
        server.start();
        return server;
    }

    private int run(String... args) {
        return ScopeLinksCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** A UNIX socket that answers every connection with the same raw HTTP response, as a broken plugin might. */
    private static final class CannedHttpServer implements AutoCloseable {
        private final ServerSocketChannel channel;
        private final Thread thread;

        CannedHttpServer(Path socket, String response) throws IOException {
            channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(socket));
            byte[] bytes = response.getBytes(StandardCharsets.US_ASCII);
            thread = new Thread(() -> {
                while (channel.isOpen()) {
                    try (SocketChannel connection = channel.accept()) {
                        // Read the request head before answering, as a real server would.
                        ByteBuffer request = ByteBuffer.allocate(4096);
                        while (!new String(request.array(), 0, request.position(), StandardCharsets.US_ASCII)
                                .contains("\r\n\r\n") && connection.read(request) > 0) {
                            // keep reading
                        }
                        connection.write(ByteBuffer.wrap(bytes));
                    } catch (IOException e) {
                        return; // closed by the test
                    }
                }
            }, "canned-http-server");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws Exception {
            channel.close();
            thread.join(5_000);
        }
    }
}
