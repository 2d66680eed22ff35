package dev.scopelinks.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopelinks.host.testing.Eventually;
import dev.scopelinks.standin.StandInCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real kubectl against the running demo server, through the kubeconfig the demo writes. */
class KubectlAgainstDemoIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StandInCluster cluster;
    private static Path kubeconfig;

    @BeforeAll
    static void startCluster(@TempDir Path dir) throws Exception {
        cluster = StandInCluster.start(0);
        new DemoSeed(cluster.client()).seed();
        cluster.startControllers();
        kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig"));
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void getAsJsonReturnsTypedLists() throws Exception {
        Result pods = kubectl("get", "pods", "-A", "-o", "json");
        Result deployments = kubectl("get", "deployments", "-n", "shop", "-o", "json");

        assertThat(pods.exitCode()).as(pods.stderr()).isZero();
        JsonNode podList = JSON.readTree(pods.stdout());
        assertThat(podList.path("items")).isNotEmpty()
                .allSatisfy(pod -> assertThat(pod.path("kind").asText()).isEqualTo("Pod"));
        assertThat(podList.path("items").get(0).path("spec").path("nodeName").asText()).startsWith("demo-node-");
        JsonNode deploymentList = JSON.readTree(deployments.stdout());
        assertThat(deploymentList.path("items")).extracting(item -> item.path("metadata").path("name").asText())
                .containsExactly("checkout", "web");
    }

    @Test
    void getWithWatchSeesObjectsCreatedAndDeletedMeanwhile() throws Exception {
        cluster.client().configMaps().inNamespace("monitoring").resource(new ConfigMapBuilder()
                .withNewMetadata().withName("watch-marker").endMetadata().build()).create();
        Process watch = new ProcessBuilder(kubectlCommand("get", "configmaps", "-n", "monitoring", "-w",
                "--output-watch-events", "-o", "custom-columns=EVENT:.type,NAME:.object.metadata.name",
                "--no-headers")).redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread output = new Thread(() -> {
            try (BufferedReader reader = watch.inputReader(StandardCharsets.UTF_8)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line.trim().replaceAll("\\s+", " "));
                }
            } catch (IOException e) {
                lines.add("reading kubectl's output failed: " + e);
            }
        }, "kubectl-watch-output");
        output.setDaemon(true);
        output.start();
        try {
            // kubectl lists, then watches from the list's version: once the list has shown the marker,
            // every later change reaches the watch.
            Eventually.within(Duration.ofSeconds(20), () -> assertThat(lines).contains("ADDED watch-marker"));
            cluster.client().configMaps().inNamespace("monitoring").resource(new ConfigMapBuilder()
                    .withNewMetadata().withName("dashboards").endMetadata().build()).create();
            cluster.client().configMaps().inNamespace("monitoring").withName("dashboards").delete();

            Eventually.within(Duration.ofSeconds(20), () -> assertThat(lines)
                    .containsSubsequence("ADDED dashboards", "DELETED dashboards"));
        } finally {
            watch.destroy();
            watch.waitFor(5, TimeUnit.SECONDS);
            cluster.client().configMaps().inNamespace("monitoring").withName("watch-marker").delete();
        }
    }

    @Test
    void imperativeCreateDeploymentWorks() throws Exception {
        Result created = kubectl("create", "deployment", "hello", "--image=nginx", "--replicas=2");
        Result shown = kubectl("get", "deployment", "hello", "-o", "json");

        assertThat(created.exitCode()).as(created.stderr()).isZero();
        assertThat(created.stdout()).contains("deployment.apps/hello created");
        JsonNode deployment = JSON.readTree(shown.stdout());
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(deployment.path("spec").path("template").path("spec").path("containers").get(0).path("image")
                .asText()).isEqualTo("nginx");
        assertThat(deployment.path("metadata").path("uid").asText()).isNotEmpty();
        assertThat(cluster.client().apps().deployments().inNamespace("default").withName("hello").get()).isNotNull();
    }

    @Test
    void getPrintsTheColumnsKubectlShowsForPodsDeploymentsAndServices() throws Exception {
        Result pods = kubectl("get", "pods", "-n", "shop");
        Result deployments = kubectl("get", "deployments", "-n", "shop");
        Result services = kubectl("get", "services", "-n", "shop", "checkout");

        assertThat(pods.exitCode()).as(pods.stderr()).isZero();
        assertThat(pods.stdout().lines().findFirst().orElse("")).matches("NAME +READY +STATUS +RESTARTS +AGE *");
        assertThat(pods.stdout()).containsPattern("(?m)^web-\\S+ +1/1 +Running +0 +\\d+[smhd]");
        assertThat(deployments.stdout().lines().findFirst().orElse(""))
                .matches("NAME +READY +UP-TO-DATE +AVAILABLE +AGE *");
        assertThat(deployments.stdout()).containsPattern("(?m)^web +\\d+/\\d+ +\\d+ +\\d+ +\\d+[smhd]");
        assertThat(services.stdout().lines().findFirst().orElse(""))
                .matches("NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\\(S\\) +AGE *");
        assertThat(services.stdout()).containsPattern("(?m)^checkout +ClusterIP +\\S+ +<none> +\\d+/TCP");
    }

    @Test
    void getPrintsNameAndAgeForOtherKindsAndANamespaceColumnAcrossNamespaces() throws Exception {
        cluster.client().configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("feature-flags").endMetadata().addToData("checkout", "on").build()).create();

        Result configMaps = kubectl("get", "configmaps", "-A");

        assertThat(configMaps.exitCode()).as(configMaps.stderr()).isZero();
        assertThat(configMaps.stdout().lines().findFirst().orElse("")).matches("NAMESPACE +NAME +AGE *");
        assertThat(configMaps.stdout()).containsPattern("(?m)^shop +feature-flags +\\d+[smhd]");
    }

    @Test
    void createdDeploymentGetsRunningPodsWithContainerIds() throws Exception {
        Result created = kubectl("-n", "shop", "create", "deployment", "greeter", "--image=nginx", "--replicas=2");
        assertThat(created.exitCode()).as(created.stderr()).isZero();

        Eventually.within(Duration.ofSeconds(60), () -> {
            JsonNode pods = JSON.readTree(kubectl("-n", "shop", "get", "pods", "-l", "app=greeter", "-o", "json")
                    .stdout());
            assertThat(pods.path("items")).hasSize(2).allSatisfy(pod -> {
                assertThat(pod.path("status").path("phase").asText()).isEqualTo("Running");
                assertThat(pod.path("status").path("containerStatuses").get(0).path("containerID").asText())
                        .startsWith("containerd://");
                assertThat(pod.path("metadata").path("ownerReferences").get(0).path("kind").asText())
                        .isEqualTo("ReplicaSet");
            });
            assertThat(kubectl("-n", "shop", "get", "deployment", "greeter").stdout())
                    .containsPattern("(?m)^greeter +2/2 +2 +2 ");
        });
    }

    @Test
    void deletedPodIsReplacedByItsReplicaSet() throws Exception {
        kubectl("-n", "shop", "create", "deployment", "replaced", "--image=nginx");
        Eventually.within(Duration.ofSeconds(60), () -> assertThat(podNames("app=replaced")).hasSize(1));
        String first = podNames("app=replaced").get(0);

        Result deleted = kubectl("-n", "shop", "delete", "pod", first, "--wait=false");

        assertThat(deleted.exitCode()).as(deleted.stderr()).isZero();
        Eventually.within(Duration.ofSeconds(60), () -> assertThat(podNames("app=replaced")).hasSize(1)
                .doesNotContain(first));
    }

    @Test
    void createdJobGetsARunningPod() throws Exception {
        Result created = kubectl("-n", "shop", "create", "job", "once", "--image=busybox");
        assertThat(created.exitCode()).as(created.stderr()).isZero();

        Eventually.within(Duration.ofSeconds(60), () -> assertThat(podNames("job-name=once")).hasSize(1));
    }

    private static List<String> podNames(String selector) throws Exception {
        JsonNode pods = JSON.readTree(kubectl("-n", "shop", "get", "pods", "-l", selector, "-o", "json").stdout());
        List<String> names = new ArrayList<>();
        pods.path("items").forEach(pod -> names.add(pod.path("metadata").path("name").asText()));
        return names;
    }

    @Test
    void scaleChangesTheReplicasOfADeployment() throws Exception {
        Result scaled = kubectl("-n", "monitoring", "scale", "deployment", "grafana", "--replicas=3");

        assertThat(scaled.exitCode()).as(scaled.stderr()).isZero();
        assertThat(cluster.client().apps().deployments().inNamespace("monitoring").withName("grafana").get()
                .getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void declarativeCreateWorks(@TempDir Path dir) throws Exception {
        Path manifest = Files.writeString(dir.resolve("svc.yaml"), String.join("\n",
                "apiVersion: v1", "kind: Service", "metadata:", "  name: cart", "  namespace: shop", "spec:",
                "  selector:", "    app: cart", "  ports:", "  - port: 80", ""));

        Result created = kubectl("create", "-f", manifest.toString());

        assertThat(created.exitCode()).as(created.stderr()).isZero();
        assertThat(cluster.client().services().inNamespace("shop").withName("cart").get()).isNotNull();
    }

    @Test
    void discoveryOfAnUnknownGroupIsNotFound() throws Exception {
        Result result = kubectl("get", "--raw", "/apis/nosuch.example.com/v1");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("NotFound");
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result kubectl(String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(kubectlCommand(args)).start();
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("kubectl " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), stdout, stderr);
    }

    private static List<String> kubectlCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(kubectlBinary(), "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static String kubectlBinary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("kubectl is not on the PATH; these tests need it (CI installs it: "
                + "https://kubernetes.io/docs/tasks/tools/#kubectl)");
    }
}
