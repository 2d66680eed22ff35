package dev.scopelinks.standin;

import dev.scopelinks.spi.ResourceType;
import java.util.List;
import java.util.Locale;

/**
 * A resource the stand-in API server serves and advertises in discovery.
 *
 * <p>A resource may be served under a version other than the one its objects are stored in, as a
 * real API server converts between versions: CronJobs are stored as {@code batch/v1} and also
 * served as {@code batch/v1beta1}, the version Weave Scope's probe asks for.
 *
 * @param group          API group, empty for core
 * @param version        the version served
 * @param plural         resource name in URLs
 * @param singular       singular name
 * @param kind           kind
 * @param namespaced     whether namespaced
 * @param shortNames     kubectl short names
 * @param storageVersion the version objects are stored as
 */
record ServedResource(String group, String version, String plural, String singular, String kind, boolean namespaced,
                    List<String> shortNames, String storageVersion) {

    /** The built-in resources: every kind Scope draws and the ones kubectl users expect. */
    static final List<ServedResource> BUILT_IN = List.of(
            core("namespaces", "Namespace", false, "ns"),
            core("nodes", "Node", false, "no"),
            core("pods", "Pod", true, "po"),
            core("services", "Service", true, "svc"),
            core("endpoints", "Endpoints", true, "ep"),
            core("events", "Event", true, "ev"),
            core("persistentvolumes", "PersistentVolume", false, "pv"),
            core("persistentvolumeclaims", "PersistentVolumeClaim", true, "pvc"),
            core("configmaps", "ConfigMap", true, "cm"),
            core("secrets", "Secret", true),
            core("serviceaccounts", "ServiceAccount", true, "sa"),
            grouped("apps", "v1", "deployments", "Deployment", true, "deploy"),
            grouped("apps", "v1", "replicasets", "ReplicaSet", true, "rs"),
            grouped("apps", "v1", "statefulsets", "StatefulSet", true, "sts"),
            grouped("apps", "v1", "daemonsets", "DaemonSet", true, "ds"),
            grouped("batch", "v1", "jobs", "Job", true),
            grouped("batch", "v1", "cronjobs", "CronJob", true, "cj"),
            new ServedResource("batch", "v1beta1", "cronjobs", "cronjob", "CronJob", true, List.of("cj"), "v1"),
            grouped("storage.k8s.io", "v1", "storageclasses", "StorageClass", false, "sc"),
            grouped("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false),
            grouped("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false),
            grouped("rbac.authorization.k8s.io", "v1", "roles", "Role", true),
            grouped("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true));

    ServedResource {
        shortNames = List.copyOf(shortNames);
    }

    /** A resource a provider declares it watches, served as declared (no conversion). */
    static ServedResource of(ResourceType type) {
        return new ServedResource(type.group(), type.version(), type.plural(), type.kind().toLowerCase(Locale.ROOT),
                type.kind(), type.namespaced(), List.of(), type.version());
    }

    /** {@code apps/v1}, or {@code v1} for the core group: the apiVersion of objects served here. */
    String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The apiVersion objects of this resource are stored with. */
    String storageGroupVersion() {
        return group.isEmpty() ? storageVersion : group + "/" + storageVersion;
    }

    /** Whether served objects must be converted from the stored version. */
    boolean converted() {
        return !version.equals(storageVersion);
    }

    /** The kind of a list of these objects, as real API servers name it. */
    String listKind() {
        return kind + "List";
    }

    /** The URL prefix of this resource's group version: {@code /api/v1} or {@code /apis/apps/v1}. */
    String prefix() {
        return prefix(group, version);
    }

    static String prefix(String group, String version) {
        return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    }

    private static ServedResource core(String plural, String kind, boolean namespaced, String... shortNames) {
        return grouped("", "v1", plural, kind, namespaced, shortNames);
    }

    private static ServedResource grouped(String group, String version, String plural, String kind, boolean namespaced,
                                        String... shortNames) {
        return new ServedResource(group, version, plural, kind.toLowerCase(Locale.ROOT), kind, namespaced,
                List.of(shortNames), version);
    }
}
