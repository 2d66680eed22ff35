package dev.scopelinks.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

    private static final String CONFIG = """
            apiVersion: scope-links/v1
            annotationLinks:
              slots: [{id: runbook, label: Runbook, priority: 9, kinds: [Pod]}]
            providers:
              Pod:
                links:
                  - {id: logs, label: Logs, url: "https://logs.example.com/{{namespace}}/{{name}}"}
                  - {id: team, label: Team, url: "https://teams.example.com/{{labels.team}}"}
                  - id: debug
                    label: Debug
                    url: "https://debug.example.com/{{name}}"
                    when: {phases: [Failed]}
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int render(String config, String objects) throws Exception {
        Files.writeString(dir.resolve("links.yaml"), config);
        Files.writeString(dir.resolve("objects.yaml"), objects);
        return ScopeLinksCli.run(new String[] {"render", "--providers-dir", dir.resolve("none").toString(),
            "--config", dir.resolve("links.yaml").toString(), "-f", dir.resolve("objects.yaml").toString()},
                new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void printsTheNodeIdAndEveryLinkOrWhyItIsLeftOff() throws Exception {
        int code = render(CONFIG, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web-1
                  namespace: shop
                  uid: 1f0e
                  annotations: {links.scope-links.io/runbook: "https://wiki.example.com/web", links.scope-links.io/x: "https://x.example.com/"}
                status: {phase: Running}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop, uid: 2a2b}
                """);

        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo("""
                Pod shop/web-1
                  Pod node 1f0e;<pod>
                    logs         https://logs.example.com/shop/web-1
                    team         skipped (missing:labels.team): the object has no value for 'labels.team'
                    debug        skipped (condition): its when: does not select this object
                    runbook      https://wiki.example.com/web
                    annotations  skipped (undeclared-slot): annotation links.scope-links.io/x names no slot declared for Pod
                Deployment shop/web
                  no configured provider watches apps/v1 Deployment
                """);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void exitsTwoForABadConfigOrAnUnreadableObjectFile() throws Exception {
        assertThat(render(CONFIG.replace("{{name}}\"}", "{{nam}}\"}"), "kind: Pod\n")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("links.yaml:7:").contains("unknown variable 'nam'");

        assertThat(render(CONFIG, "")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("cannot read objects from").contains("no Kubernetes object");
    }
}
