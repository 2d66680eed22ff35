package dev.scopelinks.host.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.report.ReportBody;
import dev.scopelinks.host.report.ShardBudget;
import dev.scopelinks.host.server.PluginSocketServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve}'s exit codes and messages for what the operator must fix before anything can run. */
class ServeCommandTest {

    private static final String VALID = """
            apiVersion: scope-links/v1
            providers:
              Pod:
                links:
                  - {id: logs, label: Logs, url: "https://logs.example/{{namespace}}/{{name}}"}
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void exitsWith2AndTheFileLineAndColumnOfEveryConfigError() throws Exception {
        Path config = Files.writeString(dir.resolve("links.yaml"), """
                apiVersion: scope-links/v1
                providers:
                  Pod:
                    links:
                      - id: logs
                        lable: Logs
                        url: "https://logs.example/{{nmae}}"
                """);

        int code = run("serve", "--config", config.toString(), "--socket-dir", dir.toString(), "--admin-port", "-1");

        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString())
                .contains(config + ":6:9: providers.Pod.links[0].lable: unknown key (did you mean 'label'?)")
                .contains("providers.Pod.links[0].label: is required");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void takesThePerSocketBudgetAndTheShardLimitFromTheCommandLine() throws Exception {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--shard-bytes", "2000000", "--shard-nodes", "9000", "--max-shards", "4");

        ShardBudget budget = serve.runtime.settings(dir).budget();

        assertThat(budget).isEqualTo(new ShardBudget(2_000_000, 9000, 0, 4));
    }

    @Test
    void rejectsAPerSocketBudgetBeyondWhatScopeAccepts() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--shard-bytes", "60000000");

        assertThatThrownBy(() -> serve.runtime.settings(dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--shard-bytes").hasMessageContaining("52428800");
    }

    @Test
    void exitsWith2ForAProviderIdNoInstalledProviderHas() throws Exception {
        Path config = Files.writeString(dir.resolve("links.yaml"), VALID.replace("Pod:", "Pods:"));

        int code = run("serve", "--config", config.toString(), "--socket-dir", dir.toString(), "--admin-port", "-1");

        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains(config + ":3:3: providers.Pods: no installed provider has this id "
                + "(did you mean 'Pod'?)");
    }

    @Test
    void exitsWith3WhenAnotherLiveInstanceKeepsTheSocket() throws Exception {
        Path config = Files.writeString(dir.resolve("links.yaml"), VALID);
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "http://127.0.0.1:9"}}]
                contexts: [{name: c, context: {cluster: c, user: u}}]
                current-context: c
                users: [{name: u, user: {token: t}}]
                """);
        Path socket = dir.resolve("plugins/scope-links/scope-links.sock");
        try (PluginSocketServer other = new PluginSocketServer(new PluginSocketServer.Settings(socket,
                Duration.ofSeconds(30), Duration.ofSeconds(1), 4), () -> ReportBody.of(new byte[0]), new HostMetrics())) {
            other.start();

            int code = run("serve", "--config", config.toString(), "--kubeconfig", kubeconfig.toString(),
                    "--socket-dir", dir.resolve("plugins").toString(), "--takeover-wait", "PT0.3S",
                    "--admin-port", "-1");

            assertThat(code).isEqualTo(ExitCodes.SOCKET_IN_USE);
            assertThat(err.toString()).contains("another process answers on " + socket);
        }
    }

    @Test
    void exitsWith2WhenNoConfigIsGiven() {
        int code = run("serve", "--socket-dir", dir.toString());

        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("no config given: pass --config FILE");
    }

    @Test
    void printsHelpWithExamplesAndExitCodes() {
        int code = run("serve", "--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("--socket-dir", "--kubeconfig", "--providers-dir", "--config",
                "Examples:", "Exit codes:");
    }

    private int run(String... args) {
        return ScopeLinksCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
