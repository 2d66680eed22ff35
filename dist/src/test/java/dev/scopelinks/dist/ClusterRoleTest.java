package dev.scopelinks.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopelinks.host.cli.ScopeLinksCli;
import dev.scopelinks.host.plan.LinkPlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The RBAC in {@code k8s/} grants read access to exactly what the shipped configs need, derived
 * the way the host derives its watches; a provider added to a config without its rights fails here.
 */
class ClusterRoleTest {

    @Test
    void clusterRoleGrantsReadOnExactlyTheResourcesTheShippedConfigWatches() throws Exception {
        Set<Manifests.Grant> needed = Manifests.grantsNeeded(Manifests.plan(Manifests.SHIPPED_CONFIG));
        JsonNode clusterRole = Manifests.find(Manifests.documents(Manifests.K8S.resolve("rbac/clusterrole.yaml")),
                "ClusterRole", "scope-links").orElseThrow();

        assertThat(needed).isNotEmpty();
        assertThat(Manifests.grantsOf(clusterRole)).containsExactlyInAnyOrderElementsOf(needed);
    }

    @Test
    void manifestsCarryTheShippedConfigUnchanged() throws Exception {
        assertThat(Manifests.K8S.resolve("config/scope-links.yaml")).hasSameTextualContentAs(Manifests.SHIPPED_CONFIG);
    }

    @Test
    void namespacedOverlayGrantsTheSameReadInEveryListedNamespaceAndNowhereElse() throws Exception {
        LinkPlan plan = Manifests.plan(Manifests.K8S.resolve("namespaced/scope-links.yaml"));
        Set<Manifests.Grant> needed = Manifests.grantsNeeded(plan);
        List<JsonNode> documents = Manifests.documents(Manifests.K8S.resolve("namespaced/roles.yaml"));

        List<String> roleNamespaces = new ArrayList<>();
        List<String> bindingNamespaces = new ArrayList<>();
        for (JsonNode document : documents) {
            String namespace = document.path("metadata").path("namespace").asText();
            switch (document.path("kind").asText()) {
                case "Role" -> {
                    roleNamespaces.add(namespace);
                    assertThat(Manifests.grantsOf(document)).as("Role in %s", namespace)
                            .containsExactlyInAnyOrderElementsOf(needed);
                }
                case "RoleBinding" -> {
                    bindingNamespaces.add(namespace);
                    assertThat(document.path("roleRef").path("kind").asText()).isEqualTo("Role");
                    assertThat(document.path("subjects").get(0).path("name").asText()).isEqualTo("scope-links");
                    assertThat(document.path("subjects").get(0).path("namespace").asText()).isEqualTo("scope-links");
                }
                default -> throw new AssertionError("unexpected " + document.path("kind") + " in roles.yaml");
            }
        }
        assertThat(plan.config().namespaces()).isNotEmpty();
        assertThat(roleNamespaces).containsExactlyInAnyOrderElementsOf(plan.config().namespaces());
        assertThat(bindingNamespaces).containsExactlyInAnyOrderElementsOf(plan.config().namespaces());
    }

    @Test
    void namespacedOverlayConfigDiffersFromTheShippedOneOnlyInItsNamespaces() throws Exception {
        String shipped = Files.readString(Manifests.SHIPPED_CONFIG);
        String namespaced = Files.readString(Manifests.K8S.resolve("namespaced/scope-links.yaml"));

        assertThat(withoutNamespaces(namespaced)).isEqualTo(withoutNamespaces(shipped));
    }

    @Test
    void namespacedOverlayConfigPassesTheHostsNamespacedCheckAndTheShippedOneDoesNot() {
        StringWriter messages = new StringWriter();

        assertThat(validateNamespaced(Manifests.K8S.resolve("namespaced/scope-links.yaml"), messages))
                .as("%s", messages).isZero();
        assertThat(validateNamespaced(Manifests.SHIPPED_CONFIG, messages)).as("%s", messages).isEqualTo(2);
    }

    private static int validateNamespaced(Path config, StringWriter messages) {
        PrintWriter sink = new PrintWriter(messages);
        return ScopeLinksCli.run(new String[] {"validate", "--namespaced", config.toString()}, sink, sink);
    }

    /** The text with the namespaces block (and the comment above it) cut out. */
    private static String withoutNamespaces(String config) {
        int start = config.indexOf("\n# Watch only these namespaces");
        int end = config.indexOf("\n# Constants for templates");
        assertThat(start).as("namespaces block").isPositive();
        assertThat(end).isGreaterThan(start);
        return config.substring(0, start) + config.substring(end);
    }
}
