package dev.scopelinks.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.server.PluginSocketServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code poll}: asks a socket for its report as the probe would and says what Scope would make of it. */
class PollCommandTest {

    private static final String ACCEPTED = """
            {"Plugins":[{"id":"scope-links","label":"Links","interfaces":["reporter"],"api_version":"1"}],
             "Pod":{"nodes":{"u;<pod>":{"id":"u;<pod>","latest":{"scope-links-logs":
               {"timestamp":"2026-11-25T10:00:00Z","value":"https://logs.example/u"}}}},
              "metadata_templates":{"scope-links-logs":{"id":"scope-links-logs","label":"Logs","dataType":"link",
               "priority":1.1,"from":"latest"}}}}
            """;

    @TempDir
    Path root;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printsTheReportAndExits0WhenScopeWouldAcceptIt() throws Exception {
        try (PluginSocketServer server = serve(ACCEPTED)) {
            int code = run("poll", server.socketPath().toString());

            assertThat(code).isZero();
            assertThat(out.toString()).contains("\"u;<pod>\"");
            assertThat(err.toString()).contains("HTTP 200").contains("Scope would accept this report.");
        }
    }

    @Test
    void namesWhatScopeWouldRejectAndExits2() throws Exception {
        try (PluginSocketServer server = serve(ACCEPTED.replace("\"api_version\":\"1\"", "\"api_version\":\"2\""))) {
            int code = run("poll", server.socketPath().toString());

            assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(err.toString()).contains("REJECTED $.Plugins[0].api_version");
        }
    }

    @Test
    void exits1WhenNothingAnswersOnTheSocket() {
        int code = run("poll", root.resolve("absent/absent.sock").toString());

        assertThat(code).isEqualTo(ExitCodes.RUNTIME_FAILURE);
        assertThat(err.toString()).startsWith("error: ");
    }

    private PluginSocketServer serve(String body) throws Exception {
        PluginSocketServer server = new PluginSocketServer(new PluginSocketServer.Settings(
                root.resolve("scope-links/scope-links.sock"), Duration.ofSeconds(30), Duration.ofSeconds(1), 4),
                () -> body.getBytes(StandardCharsets.UTF_8), new HostMetrics());
        server.start();
        return server;
    }

    private int run(String... args) {
        return ScopeLinksCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
