package dev.scopelinks.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code links KIND/NAME} (and {@code render KIND/NAME}) against fabric8's mock API server in CRUD
 * mode: the object is read through a kubeconfig, as kubectl would read it.
 */
@EnableKubernetesMockClient(crud = true)
class LinksCommandIT {

    private static final String CONFIG = """
            apiVersion: scope-links/v1
            providers:
              Deployment:
                links:
                  - {id: dashboard, label: Dashboard, url: "https://dash.example.com/deployment/{{namespace}}/{{name}}"}
                  - {id: team, label: Team, url: "https://teams.example.com/{{labels.team}}"}
                  - id: canary
                    label: Canary
                    url: "https://canary.example.com/{{name}}"
                    when: {selector: "track=canary"}
              Service:
                links:
                  - {id: dashboard, label: Dashboard, url: "https://dash.example.com/service/{{namespace}}/{{name}}"}
              Pod:
                links:
                  - {id: logs, label: Logs, url: "https://logs.example.com/{{namespace}}/{{name}}"}
            """;

    /** What links prints for shop/web; %s is the uid the API server gave it. */
    private static final String WEB = """
            Deployment shop/web
              Deployment node %s;<deployment>
                dashboard    https://dash.example.com/deployment/shop/web
                team         skipped (missing:labels.team): the object has no value for 'labels.team'
                canary       skipped (condition): its when: does not select this object
            """;

    static KubernetesClient client;

    @TempDir
    Path dir;

    private Path config;
    private String web;
    private Path kubeconfig;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void cluster() throws Exception {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build())
                .createOr(existing -> existing.update());
        client.apps().deployments().inNamespace("shop").resource(new DeploymentBuilder()
                .withNewMetadata().withName("web").withNamespace("shop")
                .withLabels(Map.of("app", "web")).endMetadata()
                .withNewSpec().withReplicas(2).endSpec().build()).createOr(existing -> existing.update());
        client.services().inNamespace("shop").resource(new ServiceBuilder()
                .withNewMetadata().withName("web").withNamespace("shop").endMetadata()
                .build()).createOr(existing -> existing.update());
        client.pods().inNamespace("shop").resource(new PodBuilder()
                .withNewMetadata().withName("web-1").withNamespace("shop").endMetadata()
                .withNewStatus().withPhase("Running").endStatus().build()).createOr(existing -> existing.update());
        config = Files.writeString(dir.resolve("links.yaml"), CONFIG);
        web = WEB.formatted(client.apps().deployments().inNamespace("shop").withName("web").get().getMetadata()
                .getUid());
        kubeconfig = kubeconfig("mock", client.getConfiguration().getMasterUrl(), "default");
    }

    @Test
    void printsEveryLinkOfALiveDeploymentOrWhyItIsLeftOff() {
        int code = links("deploy/web", "-n", "shop");

        assertThat(code).as("stderr: %s", err).isZero();
        assertThat(out.toString()).isEqualTo(web);
    }

    @Test
    void takesTheKindAsKubectlDoesSingularPluralShortQualifiedOrAsTwoWords() {
        for (List<String> named : List.of(List.of("deployment/web"), List.of("deployments/web"),
                List.of("Deployment/web"), List.of("deployments.apps/web"), List.of("deploy", "web"))) {
            out.getBuffer().setLength(0);
            List<String> args = new ArrayList<>(named);
            args.addAll(List.of("-n", "shop"));

            int code = links(args.toArray(String[]::new));

            assertThat(code).as("%s: %s", named, err).isZero();
            assertThat(out.toString()).as("%s", named).isEqualTo(web);
        }
    }

    @Test
    void printsJsonForScripts() throws Exception {
        int code = links("svc/web", "-n", "shop", "-o", "json");

        assertThat(code).isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertThat(result.path("kind").asText()).isEqualTo("Service");
        assertThat(result.path("namespace").asText()).isEqualTo("shop");
        JsonNode provider = result.path("providers").get(0);
        assertThat(provider.path("provider").asText()).isEqualTo("Service");
        assertThat(provider.path("topology").asText()).isEqualTo("Service");
        JsonNode node = provider.path("nodes").get(0);
        String uid = client.services().inNamespace("shop").withName("web").get().getMetadata().getUid();
        assertThat(node.path("node").asText()).isEqualTo(uid + ";<service>");
        assertThat(node.path("links").get(0).path("url").asText()).isEqualTo("https://dash.example.com/service/shop/web");
    }

    @Test
    void jsonNamesTheReasonOfEveryLinkLeftOff() throws Exception {
        int code = links("deploy/web", "-n", "shop", "-o", "json");

        assertThat(code).isZero();
        JsonNode links = new ObjectMapper().readTree(out.toString()).at("/providers/0/nodes/0/links");
        assertThat(links.get(1).path("id").asText()).isEqualTo("team");
        assertThat(links.get(1).path("skipped").asText()).isEqualTo("missing:labels.team");
        assertThat(links.get(1).has("url")).isFalse();
        assertThat(links.get(2).path("skipped").asText()).isEqualTo("condition");
    }

    @Test
    void takesTheNamespaceFromTheContextWhenNoneIsGiven() throws Exception {
        Path inShop = kubeconfig("mock", client.getConfiguration().getMasterUrl(), "shop");

        int code = run("links", "po/web-1", "--config", config.toString(), "--kubeconfig", inShop.toString(),
                "--providers-dir", dir.resolve("none").toString());

        assertThat(code).as("stderr: %s", err).isZero();
        assertThat(out.toString()).startsWith("Pod shop/web-1\n").contains("logs         https://logs.example.com/shop/web-1");
    }

    @Test
    void readsTheClusterOfTheContextNamedByContext() throws Exception {
        Path twoContexts = Files.writeString(dir.resolve("two-contexts"), """
                apiVersion: v1
                kind: Config
                clusters:
                - {name: gone, cluster: {server: "http://127.0.0.1:9"}}
                - {name: mock, cluster: {server: "%s", insecure-skip-tls-verify: true}}
                contexts:
                - {name: gone, context: {cluster: gone, user: u}}
                - {name: mock, context: {cluster: mock, user: u, namespace: shop}}
                current-context: gone
                users:
                - {name: u, user: {token: t}}
                """.formatted(client.getConfiguration().getMasterUrl()));

        int code = run("links", "deploy/web", "--context", "mock", "--config", config.toString(),
                "--kubeconfig", twoContexts.toString(), "--providers-dir", dir.resolve("none").toString());

        assertThat(code).as("stderr: %s", err).isZero();
        assertThat(out.toString()).isEqualTo(web);
    }

    @Test
    void exits1NamingTheObjectWhenItIsNotThere() {
        int code = links("deploy/nope", "-n", "shop");

        assertThat(code).isEqualTo(ExitCodes.RUNTIME_FAILURE);
        assertThat(err.toString()).isEqualTo("error: deployments.apps \"nope\" not found in namespace shop\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void exits2ForAKindNoConfiguredProviderServesAndNamesTheOnesItDoes() {
        int code = links("sts/db", "-n", "shop");

        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("no configured provider serves 'sts'; the config serves "
                + "deployment (deploy), pod (po), service (svc)");
    }

    @Test
    void exits2ForAnObjectNotNamedAsKindSlashName() {
        int code = links("web", "-n", "shop");

        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("name the object as KIND/NAME");
    }

    @Test
    void renderReadsALiveObjectWhenGivenKindSlashName() {
        int code = run("render", "--config", config.toString(), "deploy/web", "-n", "shop",
                "--kubeconfig", kubeconfig.toString(), "--providers-dir", dir.resolve("none").toString());

        assertThat(code).as("stderr: %s", err).isZero();
        assertThat(out.toString()).isEqualTo(web);
    }

    @Test
    void renderRefusesBothAFileAndKindSlashName() throws Exception {
        Path file = Files.writeString(dir.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n");

        int code = run("render", "--config", config.toString(), "-f", file.toString(), "deploy/web");

        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("either with -f FILE or as KIND/NAME");
    }

    private int links(String... args) {
        List<String> all = new ArrayList<>(List.of("links"));
        all.addAll(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--kubeconfig", kubeconfig.toString(),
                "--providers-dir", dir.resolve("none").toString()));
        return run(all.toArray(String[]::new));
    }

    private int run(String... args) {
        return ScopeLinksCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path kubeconfig(String name, String server, String namespace) throws Exception {
        return Files.writeString(dir.resolve("kubeconfig-" + namespace), """
                apiVersion: v1
                kind: Config
                clusters: [{name: %1$s, cluster: {server: "%2$s", insecure-skip-tls-verify: true}}]
                contexts: [{name: %1$s, context: {cluster: %1$s, user: u, namespace: %3$s}}]
                current-context: %1$s
                users: [{name: u, user: {token: t}}]
                """.formatted(name, server, namespace));
    }
}
