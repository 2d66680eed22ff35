package dev.scopelinks.standin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources the stand-in API server serves: the built-in ones plus those loaded providers
 * declare (a provider watching a custom resource gets its group served, so clients that check
 * discovery before watching find it). Anything else is answered with 404, as a real server does.
 */
final class ApiCatalog {

    private final List<ServedResource> resources;

    ApiCatalog(List<ServedResource> extra) {
        List<ServedResource> all = new ArrayList<>(ServedResource.BUILT_IN);
        for (ServedResource resource : extra) {
            if (find(all, resource.group(), resource.version(), resource.plural()).isEmpty()) {
                all.add(resource);
            }
        }
        this.resources = List.copyOf(all);
    }

    List<ServedResource> all() {
        return resources;
    }

    Optional<ServedResource> find(String group, String version, String plural) {
        return find(resources, group, version, plural);
    }

    /** Resources by group version, in a stable order: {@code v1}, then groups as first declared. */
    Map<String, List<ServedResource>> byGroupVersion() {
        Map<String, List<ServedResource>> grouped = new LinkedHashMap<>();
        resources.forEach(resource -> grouped.computeIfAbsent(resource.groupVersion(), key -> new ArrayList<>())
                .add(resource));
        return grouped;
    }

    /** Versions served per non-core group, the storage (preferred) version first. */
    Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (ServedResource resource : resources) {
            if (resource.group().isEmpty()) {
                continue;
            }
            List<String> versions = groups.computeIfAbsent(resource.group(), key -> new ArrayList<>());
            if (!versions.contains(resource.version())) {
                if (resource.converted()) {
                    versions.add(resource.version());
                } else {
                    versions.add(0, resource.version());
                }
            }
        }
        return groups;
    }

    private static Optional<ServedResource> find(List<ServedResource> in, String group, String version, String plural) {
        return in.stream().filter(resource -> resource.group().equals(group) && resource.version().equals(version)
                && resource.plural().equals(plural)).findFirst();
    }
}
