package dev.scopelinks.standin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * API discovery documents, prepared once: {@code /api}, {@code /apis}, {@code /apis/<group>} and
 * one resource list per group version. Clients such as kubectl and client-go read these before
 * anything else; an unknown group version is a 404, which is how they learn it is not served.
 */
final class Discovery {

    private static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch",
            "update", "watch");

    /** Resources whose replicas {@code kubectl scale} can change through the scale subresource. */
    private static final Set<String> SCALABLE = Set.of("deployments", "replicasets",
            "statefulsets");

    /** What {@code kubectl get all} lists, as on a real server. */
    private static final Set<String> IN_ALL = Set.of("pods", "services", "deployments",
            "replicasets", "statefulsets", "daemonsets", "jobs", "cronjobs");

    private final Map<String, String> documents = new HashMap<>();

    Discovery(ApiCatalog catalog, ObjectMapper json) {
        ObjectNode versions = json.createObjectNode().put("kind", "APIVersions");
        versions.putArray("versions").add("v1");
        versions.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0")
                .put("serverAddress", "127.0.0.1");
        documents.put("/api", versions.toString());

        ObjectNode groupList = json.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = groupList.putArray("groups");
        catalog.groups().forEach((group, served) -> {
            ObjectNode document = group(json, group, served);
            groups.add(document.deepCopy().without(List.of("kind", "apiVersion")));
            documents.put("/apis/" + group, document.toString());
        });
        documents.put("/apis", groupList.toString());

        ObjectNode openApiRoot = json.createObjectNode();
        ObjectNode openApiPaths = openApiRoot.putObject("paths");
        catalog.byGroupVersion().forEach((groupVersion, resources) -> {
            String prefix = resources.get(0).prefix();
            openApiPaths.putObject(prefix.substring(1)).put("serverRelativeURL", "/openapi/v3" + prefix);
            documents.put("/openapi/v3" + prefix, openApi(json, resources).toString());
            ObjectNode list = json.createObjectNode().put("kind", "APIResourceList").put("apiVersion", "v1")
                    .put("groupVersion", groupVersion);
            ArrayNode entries = list.putArray("resources");
            for (ServedResource resource : resources) {
                ObjectNode entry = entries.addObject().put("name", resource.plural())
                        .put("singularName", resource.singular()).put("namespaced", resource.namespaced())
                        .put("kind", resource.kind());
                ArrayNode verbs = entry.putArray("verbs");
                VERBS.forEach(verbs::add);
                if (IN_ALL.contains(resource.plural())) {
                    entry.putArray("categories").add("all");
                }
                if (SCALABLE.contains(resource.plural())) {
                    ObjectNode scale = entries.addObject().put("name", resource.plural() + "/scale")
                            .put("singularName", "").put("namespaced", true).put("group", "autoscaling")
                            .put("version", "v1").put("kind", "Scale");
                    scale.putArray("verbs").add("get").add("patch").add("update");
                }
                if (!resource.shortNames().isEmpty()) {
                    ArrayNode shortNames = entry.putArray("shortNames");
                    resource.shortNames().forEach(shortNames::add);
                }
            }
            documents.put(resources.get(0).prefix(), list.toString());
        });
        documents.put("/openapi/v3", openApiRoot.toString());
    }

    /**
     * A minimal OpenAPI v3 document per group version: just enough for kubectl to see that the
     * server takes {@code fieldValidation}, so {@code kubectl create -f} leaves validation to the
     * server instead of downloading full schemas (the stand-in accepts any fields, as the mock always has).
     */
    private static ObjectNode openApi(ObjectMapper json, List<ServedResource> resources) {
        ObjectNode document = json.createObjectNode().put("openapi", "3.0.0");
        document.putObject("info").put("title", "scope-links stand-in").put("version", "v1.32.0");
        ObjectNode paths = document.putObject("paths");
        for (ServedResource resource : resources) {
            String path = resource.prefix() + (resource.namespaced() ? "/namespaces/{namespace}/" : "/")
                    + resource.plural() + "/{name}";
            // kubectl looks for the fieldValidation parameter on the PATCH operation of the kind.
            ObjectNode patch = paths.putObject(path).putObject("patch");
            patch.putObject("x-kubernetes-group-version-kind").put("group", resource.group())
                    .put("version", resource.version()).put("kind", resource.kind());
            patch.putArray("parameters").addObject().put("name", "fieldValidation").put("in", "query")
                    .putObject("schema").put("type", "string");
        }
        document.putObject("components").putObject("schemas");
        return document;
    }

    /** The document at {@code path} (no query, no trailing slash), if it is a discovery path. */
    Optional<String> document(String path) {
        return Optional.ofNullable(documents.get(path));
    }

    private static ObjectNode group(ObjectMapper json, String name, List<String> served) {
        ObjectNode group = json.createObjectNode().put("kind", "APIGroup").put("apiVersion", "v1").put("name", name);
        ArrayNode versions = group.putArray("versions");
        for (String version : served) {
            versions.addObject().put("groupVersion", name + "/" + version).put("version", version);
        }
        group.putObject("preferredVersion").put("groupVersion", name + "/" + served.get(0))
                .put("version", served.get(0));
        return group;
    }
}
