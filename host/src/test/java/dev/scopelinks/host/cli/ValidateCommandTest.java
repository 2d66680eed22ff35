package dev.scopelinks.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int validate(String yaml) throws Exception {
        Path file = dir.resolve("links.yaml");
        Files.writeString(file, yaml);
        return ScopeLinksCli.run(new String[] {"validate", "--providers-dir", dir.resolve("none").toString(),
            file.toString()}, new PrintWriter(out), new PrintWriter(err));
    }

    private String file() {
        return dir.resolve("links.yaml").toString();
    }

    @Test
    void acceptsAGoodConfigWithExitCodeZero() throws Exception {
        int code = validate("""
                apiVersion: scope-links/v1
                providers:
                  Deployment:
                    links:
                      - {id: logs, label: Logs, url: "https://logs.example.com/?q={{name}}"}
                """);

        assertThat(code).isZero();
        assertThat(out.toString()).startsWith(file() + ": valid (1 provider(s), 1 link(s))")
                .contains("Deployment -> Scope topology Deployment, watches deployments.apps/v1: logs");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void printsEveryStructuralErrorWithFileLineAndColumnAndExitsTwo() throws Exception {
        int code = validate("""
                apiVersion: scope-links/v1
                providers:
                  Deployment:
                    links:
                      - {id: logs, lable: Logs, url: "https://logs.example.com/", priority: 12}
                """);

        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString())
                .contains(file() + ":5:9: providers.Deployment.links[0].label: is required")
                .contains(file() + ":5:20: providers.Deployment.links[0].lable: unknown key (did you mean 'label'?)")
                .contains(file() + ":5:77: providers.Deployment.links[0].priority: 12.0 is outside (0, 10)")
                .contains("3 errors in the config");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void printsTemplateErrorsWithFileLineAndColumnAndExitsTwo() throws Exception {
        int code = validate("""
                apiVersion: scope-links/v1
                providers:
                  Pod:
                    links:
                      - id: shell
                        label: Shell
                        url: "javascript:alert('{{name}}')"
                """);

        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains(file() + ":7:14: providers.Pod.links[0].url: the text before {{name}}");
    }

    @Test
    void reportsYamlSyntaxErrorsAndUnreadableFilesWithExitTwo() throws Exception {
        assertThat(validate("apiVersion: [\n")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains(file() + ":1:14: not valid YAML");

        int missing = ScopeLinksCli.run(new String[] {"validate", dir.resolve("absent.yaml").toString()},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(missing).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains(dir.resolve("absent.yaml") + ":1:1: cannot read config file");
    }
}
