package dev.scopelinks.spi;

import java.util.Objects;

/**
 * A Kubernetes resource a provider watches or looks up, named the way the API server names it.
 *
 * <p>Example: {@code ResourceType.namespaced("apps", "v1", "deployments", "Deployment")} or
 * {@code ResourceType.clusterScoped("", "v1", "nodes", "Node")}.
 *
 * @param group      the API group, empty for the core group ({@code ""}, {@code "apps"}, {@code "batch"})
 * @param version    the API version within the group ({@code "v1"})
 * @param plural     the resource name in URLs ({@code "deployments"})
 * @param kind       the object kind ({@code "Deployment"})
 * @param namespaced whether objects live in namespaces
 */
public record ResourceType(String group, String version, String plural, String kind, boolean namespaced) {

    public ResourceType {
        Objects.requireNonNull(group, "group");
        requireText(version, "version");
        requireText(plural, "plural");
        requireText(kind, "kind");
    }

    /** A resource whose objects live in namespaces. Example: {@code namespaced("batch", "v1", "jobs", "Job")}. */
    public static ResourceType namespaced(String group, String version, String plural, String kind) {
        return new ResourceType(group, version, plural, kind, true);
    }

    /** A resource whose objects are cluster-wide. Example: {@code clusterScoped("", "v1", "nodes", "Node")}. */
    public static ResourceType clusterScoped(String group, String version, String plural, String kind) {
        return new ResourceType(group, version, plural, kind, false);
    }

    /** The {@code apiVersion} field of objects of this type: {@code "apps/v1"}, or {@code "v1"} for the core group. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** A readable name for messages: {@code "deployments.apps/v1"}. */
    @Override
    public String toString() {
        return group.isEmpty() ? plural + "/" + version : plural + "." + group + "/" + version;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
