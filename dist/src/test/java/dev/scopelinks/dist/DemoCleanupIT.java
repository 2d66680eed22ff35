package dev.scopelinks.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/scope-links demo} leaves nothing behind: its directory (kubeconfig, plugin root) goes on SIGTERM. */
class DemoCleanupIT {

    private static final Duration START_BUDGET = Duration.ofSeconds(120);

    @TempDir
    static Path unpackDir;

    static UnpackedTarball tarball;

    @TempDir
    Path temp;

    @BeforeAll
    static void unpack() throws Exception {
        tarball = UnpackedTarball.unpack(unpackDir);
    }

    @Test
    void sigtermRemovesTheDemosDirectoryWithItsKubeconfigAndSocket() throws Exception {
        Path log = Files.createTempFile(unpackDir, "demo-", ".log");
        // The demo makes its directory under java.io.tmpdir; a private one shows exactly what it leaves.
        Process demo = tarball.start(log, Map.of("JAVA_OPTS", "-Djava.io.tmpdir=" + temp, "SCOPE_LINKS_CDS", "off"),
                "demo", "--admin-port=-1");
        try {
            Path directory = awaitDemoDirectoryWithSocket(demo, log);
            assertThat(directory.resolve("kubeconfig")).isRegularFile();

            demo.destroy();

            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s; log:\n%s", Files.readString(log))
                    .isTrue();
            assertThat(demo.exitValue()).as("exit code; log:\n%s", Files.readString(log)).isZero();
            assertThat(directory).doesNotExist();
            assertThat(demoDirectories()).isEmpty();
        } finally {
            demo.destroyForcibly();
        }
    }

    private Path awaitDemoDirectoryWithSocket(Process demo, Path log) throws Exception {
        long deadline = System.nanoTime() + START_BUDGET.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(demo.isAlive()).as("the demo is running; its log:\n%s", Files.readString(log)).isTrue();
            for (Path directory : demoDirectories()) {
                if (Files.exists(directory.resolve("plugins/scope-links/scope-links.sock"))) {
                    return directory;
                }
            }
            Thread.sleep(200); // the poll interval of this wait (each round also checks that the demo lives)
        }
        throw new AssertionError("no demo socket within " + START_BUDGET.toSeconds() + " s; log:\n"
                + Files.readString(log));
    }

    private List<Path> demoDirectories() throws Exception {
        try (Stream<Path> entries = Files.list(temp)) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith("scope-links-demo-")).toList();
        }
    }
}
