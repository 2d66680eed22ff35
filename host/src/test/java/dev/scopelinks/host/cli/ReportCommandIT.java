package dev.scopelinks.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopelinks.host.probe.ReportChecker;
import dev.scopelinks.standin.StandInCluster;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import dev.scopelinks.host.report.ReportKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command against the demo's stand-in API server (plain HTTP, with a kubeconfig for it): the
 * command builds its own client, and the JUnit extension's server blocks on close when a client
 * it did not make drops a watch.
 */
class ReportCommandIT {

    @TempDir
    Path dir;

    @Test
    void printsTheReportTheSocketWouldServeOnceAndExits() throws Exception {
        try (StandInCluster cluster = StandInCluster.start(0)) {
            printsTheReport(cluster.client(), cluster.writeKubeconfig(dir.resolve("kubeconfig")));
        }
    }

    private void printsTheReport(KubernetesClient client, Path kubeconfig) throws Exception {
        String uid = client.pods().inNamespace("shop").resource(new PodBuilder().withNewMetadata().withName("web-1")
                .endMetadata().withNewSpec().endSpec().build()).create().getMetadata().getUid();
        Files.writeString(dir.resolve("links.yaml"), """
                apiVersion: scope-links/v1
                providers:
                  Pod:
                    links: [{id: logs, label: Logs, url: "https://logs.example.com/{{namespace}}/{{name}}"}]
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = ScopeLinksCli.run(new String[] {"report", "--providers-dir", dir.resolve("none").toString(),
            "--config", dir.resolve("links.yaml").toString(), "--kubeconfig", kubeconfig.toString(),
            "--sync-timeout", "20"}, new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as(err.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.at("/Pod/nodes/" + uid + ";<pod>/latest/" + ReportKeys.wire("scope-links-logs") + "/value").asText())
                .isEqualTo("https://logs.example.com/shop/web-1");
        assertThat(new ReportChecker().check(out.toString().strip().getBytes(StandardCharsets.UTF_8), "scope-links"))
                .isEmpty();
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(files.filter(path -> path.getFileName().toString().startsWith("scope-links-report-"))
                    .filter(path -> Files.exists(path.resolve("scope-links")))).isEmpty();
        }
    }
}
