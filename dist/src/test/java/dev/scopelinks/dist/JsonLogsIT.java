package dev.scopelinks.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopelinks.demo.DemoSeed;
import dev.scopelinks.host.probe.ProbeClient;
import dev.scopelinks.standin.StandInCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code bin/scope-links serve} with {@code SCOPE_LINKS_LOG_FORMAT=json}, as the manifests
 * run it: every line it writes on stderr, from start to SIGTERM, is one JSON object with the
 * documented fields.
 */
class JsonLogsIT {

    private static final Duration START_BUDGET = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void serveWritesOneJsonObjectPerLineWithTheDocumentedFields() throws Exception {
        UnpackedTarball tarball = UnpackedTarball.unpack(Files.createDirectories(work.resolve("unpacked")));
        Path stdout = work.resolve("stdout");
        Path stderr = work.resolve("stderr");
        try (StandInCluster cluster = StandInCluster.start(0)) {
            new DemoSeed(cluster.client()).seed();
            Path kubeconfig = cluster.writeKubeconfig(work.resolve("kubeconfig"));
            ProcessBuilder builder = new ProcessBuilder(tarball.resolve("bin/scope-links").toString(), "serve",
                    "--config", tarball.resolve("conf/scope-links.yaml").toString(),
                    "--kubeconfig", kubeconfig.toString(), "--socket-dir", work.resolve("plugins").toString(),
                    "--admin-port", "-1")
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().put("SCOPE_LINKS_LOG_FORMAT", "json");
            builder.environment().put("SCOPE_LINKS_CDS", "off");
            Process serve = builder.start();
            try {
                awaitReport(serve, work.resolve("plugins/scope-links/scope-links.sock"), stderr);
                serve.destroy();
                assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
                assertThat(serve.exitValue()).as("exit code; stderr:\n%s", Files.readString(stderr)).isZero();
            } finally {
                serve.destroyForcibly();
            }
        }

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(stderr)) {
            lines.add(JSON.readTree(line));
        }
        assertThat(Files.readString(stdout)).as("stdout is left for commands' output").isEmpty();
        assertThat(lines).as("log lines").isNotEmpty().allSatisfy(line -> {
            assertThat(line.isObject()).isTrue();
            assertThat(Instant.parse(line.path("time").asText())).isNotNull();
            assertThat(line.path("level").asText()).isIn("ERROR", "WARN", "INFO");
            assertThat(line.path("logger").asText()).isNotBlank();
            assertThat(line.path("message").asText()).isNotBlank();
            assertThat(line.path("thread").asText()).isNotBlank();
            assertThat(line.has("stack_trace")).as("no stack trace in a healthy run: %s", line).isFalse();
        });
        assertThat(lines).extracting(line -> line.path("message").asText())
                .anySatisfy(message -> assertThat(message).startsWith("Serving Scope's probe on "))
                .anySatisfy(message -> assertThat(message).startsWith("Synced "));
    }

    private static void awaitReport(Process serve, Path socket, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_BUDGET.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(serve.isAlive()).as("serve is running; stderr:\n%s", Files.readString(log)).isTrue();
            if (Files.exists(socket) && Files.readString(log).contains("Synced ")) {
                try (ProbeClient probe = new ProbeClient(socket, Duration.ofSeconds(5), "dist-it")) {
                    if (probe.pollReport().status() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not answering yet
                }
            }
            Thread.sleep(200); // the poll interval of this wait (each round also checks that serve lives)
        }
        throw new AssertionError("serve did not answer within " + START_BUDGET.toSeconds() + " s; stderr:\n"
                + Files.readString(log));
    }
}
