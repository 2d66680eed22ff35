package dev.scopelinks.standin;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A request path that names a resource: a collection ({@code /apis/apps/v1/namespaces/shop/deployments}),
 * an object ({@code .../deployments/web}) or an object's subresource ({@code .../deployments/web/status}).
 *
 * @param resource    the resource as served
 * @param namespace   the namespace in the path, or {@code null}
 * @param name        the object's name (still URL-encoded, as the store expects), or {@code null}
 * @param subresource the subresource, or {@code null}
 */
record ApiPath(ServedResource resource, String namespace, String name, String subresource) {

    boolean collection() {
        return name == null;
    }

    /** The same path in the version the store keeps the objects in. */
    String storagePath() {
        StringBuilder path = new StringBuilder(ServedResource.prefix(resource.group(), resource.storageVersion()));
        if (namespace != null) {
            path.append("/namespaces/").append(namespace);
        }
        path.append('/').append(resource.plural());
        if (name != null) {
            path.append('/').append(name);
        }
        if (subresource != null) {
            path.append('/').append(subresource);
        }
        return path.toString();
    }

    /** Parses {@code path} (without query) against the served resources. */
    static Optional<ApiPath> parse(String path, ApiCatalog catalog) {
        List<String> segments = Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
        String group;
        String version;
        List<String> rest;
        if (segments.size() >= 3 && segments.get(0).equals("api")) {
            group = "";
            version = segments.get(1);
            rest = segments.subList(2, segments.size());
        } else if (segments.size() >= 4 && segments.get(0).equals("apis")) {
            group = segments.get(1);
            version = segments.get(2);
            rest = segments.subList(3, segments.size());
        } else {
            return Optional.empty();
        }
        String namespace = null;
        if (rest.size() >= 3 && rest.get(0).equals("namespaces")
                && catalog.find(group, version, rest.get(2)).filter(ServedResource::namespaced).isPresent()) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        if (rest.isEmpty() || rest.size() > 3) {
            return Optional.empty();
        }
        String plural = rest.get(0);
        String name = rest.size() > 1 ? rest.get(1) : null;
        String subresource = rest.size() > 2 ? rest.get(2) : null;
        String inNamespace = namespace;
        return catalog.find(group, version, plural)
                .filter(resource -> inNamespace == null || resource.namespaced())
                .map(resource -> new ApiPath(resource, inNamespace, name, subresource));
    }
}
