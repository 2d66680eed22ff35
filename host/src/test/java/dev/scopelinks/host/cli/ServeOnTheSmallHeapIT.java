package dev.scopelinks.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopelinks.host.probe.ProbeClient;
import dev.scopelinks.host.testing.ScriptedApiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} as its own process with the launcher's {@code small} heap and JVM flags, against a
 * cluster whose Deployments each carry a 200 KB {@code last-applied-configuration} annotation that
 * no link reads. Whole objects in the informer cache would need 40 MB more than trimmed ones; the
 * host must serve every Deployment instead of running out of heap (exit 3).
 */
class ServeOnTheSmallHeapIT {

    private static final int DEPLOYMENTS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void servesEveryDeploymentWhenEachCarriesA200KbAnnotationNoLinkReads() throws Exception {
        try (ScriptedApiServer api = ScriptedApiServer.start()) {
            String big = "x".repeat(200 * 1024);
            for (int i = 0; i < DEPLOYMENTS; i++) {
                api.put("shop", "web-" + i, "uid-" + i, big);
            }
            Path kubeconfig = api.writeKubeconfig(dir.resolve("kubeconfig"));
            Path config = Files.writeString(dir.resolve("links.yaml"), """
                    apiVersion: scope-links/v1
                    providers:
                      Deployment:
                        links:
                          - {id: dashboard, label: Dashboard, url: "https://dash.example/{{namespace}}/{{name}}"}
                    """);
            Path plugins = Files.createDirectories(dir.resolve("plugins"));
            Path socket = plugins.resolve("scope-links").resolve("scope-links.sock");
            // The flags of the launcher's SCOPE_LINKS_SIZE=small (dist/src/main/.../bin/scope-links).
            Process serve = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms16m", "-Xmx128m",
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+ExitOnOutOfMemoryError",
                    "-cp", System.getProperty("java.class.path"), ScopeLinksCli.class.getName(), "serve",
                    "--config", config.toString(), "--kubeconfig", kubeconfig.toString(),
                    "--socket-dir", plugins.toString(), "--admin-port", "-1"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile()).start();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                int served = -1;
                while (served != DEPLOYMENTS && System.nanoTime() < deadline) {
                    // A process that ran out of heap stays gone: no point waiting for it.
                    assertThat(serve.isAlive()).as("serve is running; log:%n%s", Files.readString(dir.resolve("serve.log")))
                            .isTrue();
                    served = deploymentsServed(socket);
                    Thread.sleep(200); // the poll interval; each round also checks that serve lives
                }
                assertThat(served).isEqualTo(DEPLOYMENTS);
            } finally {
                serve.destroy();
                serve.waitFor(20, TimeUnit.SECONDS);
                serve.destroyForcibly();
            }
        }
    }

    private static int deploymentsServed(Path socket) {
        try (ProbeClient probe = new ProbeClient(socket, Duration.ofSeconds(5), "small-heap-it")) {
            return JSON.readTree(probe.pollReport().body()).at("/Deployment/nodes").size();
        } catch (IOException e) {
            return -1; // not bound yet
        }
    }
}
