package dev.scopelinks.host.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * fabric8's CRUD dispatcher with API discovery in front of it. The plain dispatcher answers
 * {@code /api} and {@code /apis} with stored objects, which leaves {@code kubectl} unable to find
 * any resource type; these documents let it resolve {@code pods}, {@code deploy} and the rest.
 */
class DiscoveryDispatcher extends KubernetesCrudDispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VERBS = List.of("create", "delete", "get", "list", "patch", "update", "watch");

    private final Map<String, String> documents = new LinkedHashMap<>();

    DiscoveryDispatcher() {
        documents.put("/api", json(apiVersions()));
        documents.put("/apis", json(groupList()));
        Map<String, List<DemoResource>> byGroupVersion = new LinkedHashMap<>();
        DemoResource.ALL.forEach(resource -> byGroupVersion
                .computeIfAbsent(resource.groupVersion(), key -> new java.util.ArrayList<>()).add(resource));
        byGroupVersion.forEach((groupVersion, resources) -> documents.put(
                groupVersion.contains("/") ? "/apis/" + groupVersion : "/api/" + groupVersion,
                json(resourceList(groupVersion, resources))));
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        return discovery(request).orElseGet(() -> super.dispatch(request));
    }

    private Optional<MockResponse> discovery(RecordedRequest request) {
        if (!"GET".equalsIgnoreCase(request.getMethod())) {
            return Optional.empty();
        }
        String path = request.getPath();
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        if (bare.endsWith("/") && bare.length() > 1) {
            bare = bare.substring(0, bare.length() - 1);
        }
        String document = documents.get(bare);
        if (document == null) {
            return Optional.empty();
        }
        return Optional.of(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody(document));
    }

    private static ObjectNode apiVersions() {
        ObjectNode root = JSON.createObjectNode().put("kind", "APIVersions");
        root.putArray("versions").add("v1");
        root.putArray("serverAddressByClientCIDRs");
        return root;
    }

    private static ObjectNode groupList() {
        ObjectNode root = JSON.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = root.putArray("groups");
        DemoResource.ALL.stream().filter(resource -> !resource.group().isEmpty())
                .map(DemoResource::groupVersion).distinct().forEach(groupVersion -> {
                    String[] parts = groupVersion.split("/");
                    ObjectNode group = groups.addObject().put("name", parts[0]);
                    ObjectNode version = JSON.createObjectNode().put("groupVersion", groupVersion).put("version", parts[1]);
                    group.putArray("versions").add(version);
                    group.set("preferredVersion", version.deepCopy());
                });
        return root;
    }

    private static ObjectNode resourceList(String groupVersion, List<DemoResource> resources) {
        ObjectNode root = JSON.createObjectNode().put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", groupVersion);
        ArrayNode list = root.putArray("resources");
        for (DemoResource resource : resources) {
            ObjectNode entry = list.addObject().put("name", resource.plural()).put("singularName", resource.singular())
                    .put("namespaced", resource.namespaced()).put("kind", resource.kind());
            ArrayNode verbs = entry.putArray("verbs");
            VERBS.forEach(verbs::add);
            ArrayNode shortNames = entry.putArray("shortNames");
            resource.shortNames().forEach(shortNames::add);
        }
        return root;
    }

    private static String json(ObjectNode node) {
        return node.toString();
    }
}
