package dev.scopelinks.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --log-format} and {@code --log-level}, given to {@code serve} on the real command line and
 * read back from what logback writes to stderr. {@code serve} is pointed at a missing config, so it
 * exits right after the options took effect.
 */
class LogOptionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger("dev.scopelinks.host.watch.ClusterWatcher");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreTextLogs() {
        serve("--log-format", "text", "--log-level", "info");
        System.setErr(originalErr);
    }

    @Test
    void jsonLinesCarryTimeLevelLoggerMessageThreadAndTheEventsKeyValuePairsAtTheTop() throws Exception {
        serve("--log-format", "json");

        LOG.atWarn().addKeyValue("provider", "Pod").addKeyValue("resource", "pods/v1")
                .addKeyValue("reason", "Forbidden").log("Cannot list {}", "pods/v1");

        JsonNode line = single(jsonLines());
        assertThat(Instant.parse(line.path("time").asText())).isNotNull();
        assertThat(line.path("level").asText()).isEqualTo("WARN");
        assertThat(line.path("logger").asText()).isEqualTo("dev.scopelinks.host.watch.ClusterWatcher");
        assertThat(line.path("message").asText()).isEqualTo("Cannot list pods/v1");
        assertThat(line.path("thread").asText()).isEqualTo(Thread.currentThread().getName());
        assertThat(line.path("provider").asText()).isEqualTo("Pod");
        assertThat(line.path("resource").asText()).isEqualTo("pods/v1");
        assertThat(line.path("reason").asText()).isEqualTo("Forbidden");
        assertThat(line.has("stack_trace")).isFalse();
    }

    @Test
    void anUnexpectedFailureKeepsItsStackTraceInsideItsOneLine() throws Exception {
        serve("--log-format", "json");

        LOG.atError().setCause(new UncheckedIOException(new IOException("disk full")))
                .addKeyValue("object", "shop/web").log("Cannot render");

        JsonNode line = single(jsonLines());
        assertThat(line.path("object").asText()).isEqualTo("shop/web");
        assertThat(line.path("stack_trace").asText()).contains("java.io.IOException: disk full")
                .contains("at dev.scopelinks.host.cli.LogOptionsTest");
    }

    @Test
    void logLevelLeavesOutWhatIsBelowIt() throws Exception {
        serve("--log-format", "json", "--log-level", "warn");

        LOG.info("Watching pods/v1");
        LOG.warn("Watch of pods/v1 closed");

        assertThat(jsonLines()).extracting(line -> line.path("message").asText())
                .containsExactly("Watch of pods/v1 closed");
    }

    @Test
    void debugLinesAppearAtLogLevelDebug() throws Exception {
        serve("--log-format", "json", "--log-level", "DEBUG");

        LOG.debug("Rendered 3 links");

        assertThat(jsonLines()).extracting(line -> line.path("level").asText()).contains("DEBUG");
    }

    @Test
    void textLinesShowTheKeyValuePairsAfterTheMessage() {
        serve("--log-format", "text");

        LOG.atWarn().addKeyValue("provider", "Pod").log("Cannot list pods/v1");
        LOG.info("Synced");

        List<String> lines = stderr.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).anyMatch(line -> line.matches(
                "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  ClusterWatcher - Cannot list pods/v1 provider=\"Pod\""));
        assertThat(lines).anyMatch(line -> line.endsWith("INFO  ClusterWatcher - Synced"));
    }

    @Test
    void anUnknownFormatIsRejectedWithExit2() {
        StringWriter err = new StringWriter();

        int code = ScopeLinksCli.run(new String[] {"serve", "--log-format", "xml"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));

        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("--log-format").contains("xml");
    }

    private void serve(String... logOptions) {
        String[] args = new String[logOptions.length + 5];
        args[0] = "serve";
        System.arraycopy(logOptions, 0, args, 1, logOptions.length);
        args[logOptions.length + 1] = "--config";
        args[logOptions.length + 2] = dir.resolve("missing.yaml").toString();
        args[logOptions.length + 3] = "--admin-port";
        args[logOptions.length + 4] = "-1";
        int code = ScopeLinksCli.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThat(code).as("serve with a missing config").isEqualTo(ExitCodes.INVALID_INPUT);
        stderr.reset();
    }

    private List<JsonNode> jsonLines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stderr.toString(StandardCharsets.UTF_8).lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static JsonNode single(List<JsonNode> lines) {
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }
}
