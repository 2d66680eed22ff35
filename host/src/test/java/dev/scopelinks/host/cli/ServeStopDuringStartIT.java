package dev.scopelinks.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.host.testing.Eventually;
import dev.scopelinks.host.testing.ScriptedApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} as its own process, stopped with SIGTERM while start-up still waits for the first
 * list of a cluster that never finishes listing: it must end promptly with exit code 0 and leave
 * neither its socket nor its plugin directory behind, well within Kubernetes' grace period.
 */
class ServeStopDuringStartIT {

    @TempDir
    Path dir;

    @Test
    void endsStartUpPromptlyWithExit0AndRemovesTheSocketOnSigterm() throws Exception {
        try (ScriptedApiServer api = ScriptedApiServer.start()) {
            api.hangLists();
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
            Process serve = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                    "-cp", System.getProperty("java.class.path"), ScopeLinksCli.class.getName(), "serve",
                    "--config", config.toString(), "--kubeconfig", kubeconfig.toString(),
                    "--socket-dir", plugins.toString(), "--admin-port", "-1", "--sync-timeout", "PT10M"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile()).start();
            try {
                Eventually.within(Duration.ofSeconds(60), () -> assertThat(api.lists()).isPositive());
                assertThat(socket).as("the socket is bound before the first list").exists();

                long signalled = System.nanoTime();
                serve.destroy(); // SIGTERM

                assertThat(serve.waitFor(20, TimeUnit.SECONDS)).as("exited within 20 s of SIGTERM; log:%n%s",
                        Files.readString(dir.resolve("serve.log"))).isTrue();
                System.out.printf("serve exited %d ms after SIGTERM during start-up%n",
                        (System.nanoTime() - signalled) / 1_000_000);
                assertThat(serve.exitValue()).isZero();
                assertThat(socket).doesNotExist();
                assertThat(socket.getParent()).doesNotExist();
                assertThat(Files.readString(dir.resolve("serve.log"))).contains("received during start-up");
            } finally {
                serve.destroyForcibly();
            }
        }
    }
}
