package dev.scopelinks.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.scopelinks.host.config.ConfigLoader;
import dev.scopelinks.host.plugin.ProviderLoader;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plan.LinkPlanner;
import dev.scopelinks.spi.ResourceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where the manifests and the shipped config live in the source tree, and how to read them. */
final class Manifests {

    static final Path K8S = Path.of("k8s");
    static final Path SHIPPED_CONFIG = Path.of("src/main/dist/conf/scope-links.yaml");
    static final List<String> READ_ONLY = List.of("get", "list", "watch");

    private static final YAMLMapper YAML = new YAMLMapper();

    /** One {@code apiGroups} x {@code resources} pair of an RBAC rule. */
    record Grant(String group, String resource) {
        static Grant of(ResourceType type) {
            return new Grant(type.group(), type.plural());
        }
    }

    private Manifests() {
    }

    /** Every document of a (multi-document) YAML text, empty documents left out. */
    static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }

    static List<JsonNode> documents(Path file) throws IOException {
        return documents(Files.readString(file));
    }

    static Optional<JsonNode> find(List<JsonNode> documents, String kind, String name) {
        return documents.stream().filter(document -> document.path("kind").asText().equals(kind)
                && document.path("metadata").path("name").asText().equals(name)).findFirst();
    }

    /** A config planned against the providers on this module's class path, as the host plans it. */
    static LinkPlan plan(Path config) throws Exception {
        return new LinkPlanner().plan(new ConfigLoader(name -> null).load(config),
                new ProviderLoader(Manifests.class.getClassLoader(), Optional.empty()).load());
    }

    /** What {@code get, list, watch} is needed on for {@code plan}: every watched resource. */
    static Set<Grant> grantsNeeded(LinkPlan plan) {
        Set<Grant> grants = new LinkedHashSet<>();
        plan.watchedResources().forEach(type -> grants.add(Grant.of(type)));
        return grants;
    }

    /** The grants of a Role or ClusterRole, failing on any verb other than get, list and watch. */
    static Set<Grant> grantsOf(JsonNode role) {
        Set<Grant> grants = new LinkedHashSet<>();
        for (JsonNode rule : role.path("rules")) {
            List<String> verbs = new ArrayList<>();
            rule.path("verbs").forEach(verb -> verbs.add(verb.asText()));
            if (!verbs.equals(READ_ONLY) || rule.has("resourceNames") || rule.has("nonResourceURLs")) {
                throw new AssertionError(role.path("metadata") + " has a rule other than get/list/watch: " + rule);
            }
            for (JsonNode group : rule.path("apiGroups")) {
                for (JsonNode resource : rule.path("resources")) {
                    grants.add(new Grant(group.asText(), resource.asText()));
                }
            }
        }
        return grants;
    }
}
