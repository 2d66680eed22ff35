package dev.scopelinks.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopelinks.standin.StandInCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kustomization in {@code k8s/} renders with {@code kubectl kustomize} and its objects are
 * accepted by an API server (the demo's stand-in, which answers discovery as a real one does), and
 * the rendered objects say what docs/install.md and docs/security.md promise.
 */
class ManifestsIT {

    private static final String SOCKET_ROOT = "/var/run/scope/plugins";

    private Kubectl kubectl;

    @TempDir
    Path work;

    @BeforeEach
    void kubectl() throws Exception {
        kubectl = new Kubectl().requireInstalled();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "namespaced", "sidecar", "rbac", "config"})
    void everyKustomizationRendersAndIsAcceptedByAnApiServer(String kustomization) throws Exception {
        String rendered = kubectl.kustomize(Manifests.K8S.resolve(kustomization));

        List<JsonNode> objects = Manifests.documents(rendered);
        assertThat(objects).isNotEmpty();
        Command.Result created = createIn(rendered);
        assertThat(created.exitCode()).as("%s", created).isZero();
        assertThat(created.stdout().lines()).hasSize(objects.size()).allMatch(line -> line.endsWith(" created"));
    }

    @Test
    void baseRunsOneNonRootPodWithoutCapabilitiesOnTheNodesPluginDirectory() throws Exception {
        List<JsonNode> objects = Manifests.documents(kubectl.kustomize(Manifests.K8S.resolve("base")));
        JsonNode deployment = Manifests.find(objects, "Deployment", "scope-links").orElseThrow();
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        JsonNode container = single(pod.path("containers"));

        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(1);
        assertThat(deployment.path("spec").path("strategy").path("type").asText()).isEqualTo("Recreate");
        assertThat(pod.path("hostNetwork").asBoolean(false)).isFalse();
        assertThat(pod.path("hostPID").asBoolean(false)).isFalse();
        assertThat(pod.path("hostIPC").asBoolean(false)).isFalse();
        assertThat(pod.path("serviceAccountName").asText()).isEqualTo("scope-links");
        assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isGreaterThanOrEqualTo(10);
        assertThat(container.path("image").asText()).isEqualTo("registry.example.com/scope-links:0.1.0");
        assertThat(strings(container.path("args"))).containsSequence("--config", "/etc/scope-links/scope-links.yaml")
                .containsSequence("--admin-address", "0.0.0.0");
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(9464);
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/healthz");
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/readyz");
        assertThat(container.path("resources").path("limits").path("memory").asText()).isNotEmpty();
        assertThat(container.path("resources").path("requests").path("memory").asText()).isNotEmpty();

        JsonNode security = container.path("securityContext");
        assertThat(security.path("privileged").asBoolean(true)).isFalse();
        assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(security.path("readOnlyRootFilesystem").asBoolean(false)).isTrue();
        assertThat(security.path("runAsNonRoot").asBoolean(false)).isTrue();
        assertThat(security.path("runAsUser").asInt()).isPositive();
        assertThat(strings(security.path("capabilities").path("drop"))).containsExactly("ALL");
        assertThat(security.path("capabilities").has("add")).isFalse();

        assertThat(volume(pod, "plugins").path("hostPath").path("path").asText()).isEqualTo(SOCKET_ROOT);
        assertThat(volume(pod, "plugins").path("hostPath").path("type").asText()).isEqualTo("DirectoryOrCreate");
        assertThat(volume(pod, "tmp").has("emptyDir")).isTrue();
        assertThat(volume(pod, "config").path("configMap").path("name").asText()).isEqualTo("scope-links-config");
        assertThat(mount(container, "/tmp").path("name").asText()).isEqualTo("tmp");
        assertThat(mount(container, SOCKET_ROOT).path("name").asText()).isEqualTo("plugins");
        assertThat(mount(container, "/etc/scope-links").has("subPath"))
                .as("the config is mounted as a directory, so ConfigMap edits reach the pod").isFalse();
    }

    @Test
    void baseInitContainerHandsOverOnlyThePluginsOwnDirectoryWithOnlyChown() throws Exception {
        List<JsonNode> objects = Manifests.documents(kubectl.kustomize(Manifests.K8S.resolve("base")));
        JsonNode pod = Manifests.find(objects, "Deployment", "scope-links").orElseThrow()
                .path("spec").path("template").path("spec");
        JsonNode init = single(pod.path("initContainers"));
        JsonNode container = single(pod.path("containers"));
        String pluginId = Manifests.plan(Manifests.SHIPPED_CONFIG).config().plugin().id();
        String user = container.path("securityContext").path("runAsUser").asText();
        String group = container.path("securityContext").path("runAsGroup").asText();

        String script = String.join(" ", strings(init.path("command")));
        assertThat(script).contains("chown " + user + ":" + group + " " + SOCKET_ROOT + "/" + pluginId + " ")
                .doesNotContain("chown -R");
        JsonNode security = init.path("securityContext");
        assertThat(strings(security.path("capabilities").path("drop"))).containsExactly("ALL");
        assertThat(strings(security.path("capabilities").path("add"))).containsExactly("CHOWN");
        assertThat(security.path("privileged").asBoolean(true)).isFalse();
        assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(security.path("readOnlyRootFilesystem").asBoolean(false)).isTrue();
    }

    @Test
    void configMapIsTheShippedConfigUnderAFixedName() throws Exception {
        List<JsonNode> objects = Manifests.documents(kubectl.kustomize(Manifests.K8S.resolve("base")));

        JsonNode configMap = Manifests.find(objects, "ConfigMap", "scope-links-config")
                .orElseThrow(() -> new AssertionError("no ConfigMap named scope-links-config (without a hash suffix)"));
        assertThat(configMap.path("data").path("scope-links.yaml").asText())
                .isEqualTo(Files.readString(Manifests.SHIPPED_CONFIG));
    }

    @Test
    void namespacedOverlayHasNoClusterWideRightsAndStartsTheHostNamespaced() throws Exception {
        List<JsonNode> objects = Manifests.documents(kubectl.kustomize(Manifests.K8S.resolve("namespaced")));

        assertThat(objects).extracting(object -> object.path("kind").asText())
                .doesNotContain("ClusterRole", "ClusterRoleBinding").contains("Role", "RoleBinding");
        JsonNode container = single(Manifests.find(objects, "Deployment", "scope-links").orElseThrow()
                .path("spec").path("template").path("spec").path("containers"));
        assertThat(strings(container.path("args"))).contains("--namespaced");
        JsonNode configMap = Manifests.find(objects, "ConfigMap", "scope-links-config").orElseThrow();
        assertThat(configMap.path("data").path("scope-links.yaml").asText())
                .isEqualTo(Files.readString(Manifests.K8S.resolve("namespaced/scope-links.yaml")));
    }

    @Test
    void sidecarPatchAddsScopeLinksToScopesClusterAgentWithASharedPluginDirectory() throws Exception {
        Path agent = work.resolve("agent");
        Files.createDirectories(agent);
        Files.copy(Manifests.K8S.resolve("sidecar/cluster-agent-patch.yaml"), agent.resolve("cluster-agent-patch.yaml"));
        Files.writeString(agent.resolve("cluster-agent.yaml"), String.join("\n",
                "apiVersion: apps/v1",
                "kind: Deployment",
                "metadata: {name: weave-scope-cluster-agent, namespace: weave}",
                "spec:",
                "  replicas: 1",
                "  selector: {matchLabels: {name: weave-scope-cluster-agent}}",
                "  template:",
                "    metadata: {labels: {name: weave-scope-cluster-agent}}",
                "    spec:",
                "      serviceAccountName: weave-scope",
                "      containers:",
                "        - name: scope-cluster-agent",
                "          image: docker.io/weaveworks/scope:1.13.2",
                "          args: [--mode=probe, --probe-only, --probe.kubernetes.role=cluster]",
                ""));
        Files.writeString(agent.resolve("kustomization.yaml"), String.join("\n",
                "resources: [cluster-agent.yaml]",
                "patches:",
                "  - path: cluster-agent-patch.yaml",
                ""));

        String patchedByKustomize = kubectl.kustomize(agent);
        Command.Result patchedByKubectl = kubectl.run(null, "patch", "--local", "-o", "yaml",
                "-f", agent.resolve("cluster-agent.yaml").toString(),
                "--patch-file", Manifests.K8S.resolve("sidecar/cluster-agent-patch.yaml").toString());
        assertThat(patchedByKubectl.exitCode()).as("%s", patchedByKubectl).isZero();

        for (String patched : List.of(patchedByKustomize, patchedByKubectl.stdout())) {
            JsonNode pod = Manifests.documents(patched).get(0).path("spec").path("template").path("spec");
            List<String> names = new ArrayList<>();
            pod.path("containers").forEach(container -> names.add(container.path("name").asText()));
            assertThat(names).containsExactly("scope-cluster-agent", "scope-links");
            JsonNode scopeAgent = pod.path("containers").get(0);
            JsonNode sidecar = pod.path("containers").get(1);
            assertThat(scopeAgent.path("image").asText()).as("the agent keeps its own settings")
                    .isEqualTo("docker.io/weaveworks/scope:1.13.2");
            String shared = mount(scopeAgent, SOCKET_ROOT).path("name").asText();
            assertThat(mount(sidecar, SOCKET_ROOT).path("name").asText()).isEqualTo(shared);
            assertThat(volume(pod, shared).has("emptyDir")).isTrue();
            assertThat(sidecar.path("securityContext").path("runAsNonRoot").asBoolean(false)).isTrue();
            assertThat(strings(sidecar.path("securityContext").path("capabilities").path("drop")))
                    .containsExactly("ALL");
            assertThat(strings(sidecar.path("args"))).containsSequence("--admin-address", "0.0.0.0");
        }
        Command.Result created = createIn(patchedByKustomize);
        assertThat(created.exitCode()).as("%s", created).isZero();
    }

    @Test
    void sidecarKustomizationGrantsScopesServiceAccountTheSameReadOnlyRole() throws Exception {
        List<JsonNode> objects = Manifests.documents(kubectl.kustomize(Manifests.K8S.resolve("sidecar")));

        JsonNode binding = objects.stream().filter(object -> object.path("kind").asText().equals("ClusterRoleBinding"))
                .findFirst().orElseThrow();
        assertThat(binding.path("roleRef").path("name").asText()).isEqualTo("scope-links");
        assertThat(binding.path("subjects").get(0).path("name").asText()).isEqualTo("weave-scope");
        assertThat(binding.path("subjects").get(0).path("namespace").asText()).isEqualTo("weave");
        assertThat(Manifests.find(objects, "ConfigMap", "scope-links-config").orElseThrow()
                .path("metadata").path("namespace").asText()).isEqualTo("weave");
        assertThat(Manifests.grantsOf(Manifests.find(objects, "ClusterRole", "scope-links").orElseThrow()))
                .isEqualTo(Set.copyOf(Manifests.grantsNeeded(Manifests.plan(Manifests.SHIPPED_CONFIG))));
    }

    private Command.Result createIn(String rendered) throws Exception {
        try (StandInCluster cluster = StandInCluster.start(0)) {
            Path kubeconfig = cluster.writeKubeconfig(work.resolve("kubeconfig-" + System.nanoTime()));
            return kubectl.run(rendered, "--kubeconfig", kubeconfig.toString(), "create", "--validate=false",
                    "-f", "-");
        }
    }

    private static JsonNode single(JsonNode array) {
        assertThat(array.size()).as("%s", array).isEqualTo(1);
        return array.get(0);
    }

    private static JsonNode volume(JsonNode pod, String name) {
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.path("name").asText().equals(name)) {
                return volume;
            }
        }
        throw new AssertionError("no volume " + name + " in " + pod.path("volumes"));
    }

    private static JsonNode mount(JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals(path)) {
                return mount;
            }
        }
        throw new AssertionError("no mount at " + path + " in " + container.path("volumeMounts"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
