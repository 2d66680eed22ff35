package dev.scopelinks.host.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API discovery documents, prepared once: {@code /api}, {@code /apis}, {@code /apis/<group>} and
 * one resource list per group version. Clients such as kubectl and client-go read these before
 * anything else; an unknown group version is a 404, which is how they learn it is not served.
 */
final class Discovery {

    private static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch",
            "update", "watch");

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

        catalog.byGroupVersion().forEach((groupVersion, resources) -> {
            ObjectNode list = json.createObjectNode().put("kind", "APIResourceList").put("apiVersion", "v1")
                    .put("groupVersion", groupVersion);
            ArrayNode entries = list.putArray("resources");
            for (DemoResource resource : resources) {
                ObjectNode entry = entries.addObject().put("name", resource.plural())
                        .put("singularName", resource.singular()).put("namespaced", resource.namespaced())
                        .put("kind", resource.kind());
                ArrayNode verbs = entry.putArray("verbs");
                VERBS.forEach(verbs::add);
                if (!resource.shortNames().isEmpty()) {
                    ArrayNode shortNames = entry.putArray("shortNames");
                    resource.shortNames().forEach(shortNames::add);
                }
            }
            documents.put(resources.get(0).prefix(), list.toString());
        });
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
