package dev.scopelinks.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopelinks.demo.DemoSeed;
import dev.scopelinks.standin.StandInCluster;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher linked as {@code kubectl-links} on PATH is the kubectl plugin {@code kubectl links}:
 * real kubectl runs it against the stand-in API server, with the tarball's own providers, and the
 * Pod's workload variables come from look-ups of its ReplicaSet and Deployment in that cluster.
 */
class KubectlLinksPluginIT {

    private static final String CONFIG = """
            apiVersion: scope-links/v1
            cluster: it
            providers:
              Deployment:
                links:
                  - {id: dashboard, label: Dashboard, url: "https://dash.example.com/deployment/{{namespace}}/{{name}}"}
                  - {id: team, label: Team, url: "https://teams.example.com/{{labels.team}}"}
              Pod:
                links:
                  - {id: logs, label: Logs, url: "https://logs.example.com/{{namespace}}/{{workloadKind}}/{{workloadName}}/{{name}}"}
            """;

    @TempDir
    static Path work;

    static UnpackedTarball tarball;
    static StandInCluster cluster;
    static Path kubeconfig;
    static Path config;
    static Path path;

    @BeforeAll
    static void installPlugin() throws Exception {
        new Kubectl().requireInstalled();
        tarball = UnpackedTarball.unpack(Files.createDirectories(work.resolve("unpacked")));
        cluster = StandInCluster.start(0);
        new DemoSeed(cluster.client()).seed();
        kubeconfig = cluster.writeKubeconfig(work.resolve("kubeconfig"));
        config = Files.writeString(work.resolve("links.yaml"), CONFIG);
        // As an operator installs it: a symlink named kubectl-links in a directory on PATH.
        Path bin = Files.createDirectories(work.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("kubectl-links"), tarball.resolve("bin/scope-links"));
        path = bin;
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void kubectlListsThePlugin() throws Exception {
        Command.Result result = kubectl("plugin", "list");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).contains(path.resolve("kubectl-links").toString());
    }

    @Test
    void kubectlLinksPrintsTheLinksOfALiveDeployment() throws Exception {
        String uid = cluster.client().apps().deployments().inNamespace("shop").withName("web").get().getMetadata()
                .getUid();

        Command.Result result = kubectl("links", "deploy/web", "-n", "shop", "--config", config.toString());

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).isEqualTo("""
                Deployment shop/web
                  Deployment node %s;<deployment>
                    dashboard    https://dash.example.com/deployment/shop/web
                    team         https://teams.example.com/storefront
                """.formatted(uid));
    }

    @Test
    void kubectlLinksFollowsAPodsOwnersInTheClusterForItsWorkloadVariables() throws Exception {
        Pod pod = cluster.client().pods().inNamespace("shop").withLabel("app.kubernetes.io/name", "checkout").list()
                .getItems().get(0);
        String name = pod.getMetadata().getName();

        Command.Result result = kubectl("links", "po/" + name, "--namespace", "shop", "--config", config.toString(),
                "-o", "json");

        assertThat(result.exitCode()).as("%s", result).isZero();
        JsonNode links = new ObjectMapper().readTree(result.stdout());
        JsonNode pods = null;
        for (JsonNode provider : links.path("providers")) {
            if (provider.path("provider").asText().equals("Pod")) {
                pods = provider;
            }
        }
        assertThat(pods).as("the Pod provider's part of %s", links).isNotNull();
        JsonNode logs = pods.at("/nodes/0/links/0");
        assertThat(logs.path("id").asText()).isEqualTo("logs");
        assertThat(logs.path("url").asText()).isEqualTo("https://logs.example.com/shop/Deployment/checkout/" + name);
    }

    @Test
    void kubectlLinksExits1WithKubectlsWordingForAnObjectThatIsNotThere() throws Exception {
        Command.Result result = kubectl("links", "deployment/nope", "-n", "shop", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("error: deployments.apps \"nope\" not found in namespace shop");
    }

    private static Command.Result kubectl(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("scope-links.kubectl", "kubectl"));
        command.addAll(List.of(args));
        return Command.run(work, Duration.ofSeconds(120), null, Map.of(
                "PATH", path + ":" + System.getenv("PATH"),
                "KUBECONFIG", kubeconfig.toString(),
                "SCOPE_LINKS_CDS", "off"), command);
    }
}
