package dev.scopelinks.host.demo;

import java.util.List;

/**
 * A resource the demo's API server advertises in its discovery documents, so {@code kubectl}
 * can find it.
 *
 * @param group      API group, empty for core
 * @param version    version
 * @param plural     resource name
 * @param singular   singular name
 * @param kind       kind
 * @param namespaced whether namespaced
 * @param shortNames kubectl short names
 */
record DemoResource(String group, String version, String plural, String singular, String kind, boolean namespaced,
                    List<String> shortNames) {

    static final List<DemoResource> ALL = List.of(
            new DemoResource("", "v1", "namespaces", "namespace", "Namespace", false, List.of("ns")),
            new DemoResource("", "v1", "nodes", "node", "Node", false, List.of("no")),
            new DemoResource("", "v1", "pods", "pod", "Pod", true, List.of("po")),
            new DemoResource("", "v1", "services", "service", "Service", true, List.of("svc")),
            new DemoResource("", "v1", "persistentvolumes", "persistentvolume", "PersistentVolume", false, List.of("pv")),
            new DemoResource("", "v1", "persistentvolumeclaims", "persistentvolumeclaim", "PersistentVolumeClaim", true,
                    List.of("pvc")),
            new DemoResource("", "v1", "configmaps", "configmap", "ConfigMap", true, List.of("cm")),
            new DemoResource("", "v1", "serviceaccounts", "serviceaccount", "ServiceAccount", true, List.of("sa")),
            new DemoResource("apps", "v1", "deployments", "deployment", "Deployment", true, List.of("deploy")),
            new DemoResource("apps", "v1", "replicasets", "replicaset", "ReplicaSet", true, List.of("rs")),
            new DemoResource("apps", "v1", "statefulsets", "statefulset", "StatefulSet", true, List.of("sts")),
            new DemoResource("apps", "v1", "daemonsets", "daemonset", "DaemonSet", true, List.of("ds")),
            new DemoResource("batch", "v1", "jobs", "job", "Job", true, List.of()),
            new DemoResource("batch", "v1", "cronjobs", "cronjob", "CronJob", true, List.of("cj")),
            new DemoResource("storage.k8s.io", "v1", "storageclasses", "storageclass", "StorageClass", false,
                    List.of("sc")),
            new DemoResource("rbac.authorization.k8s.io", "v1", "clusterroles", "clusterrole", "ClusterRole", false,
                    List.of()),
            new DemoResource("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "clusterrolebinding",
                    "ClusterRoleBinding", false, List.of()),
            new DemoResource("rbac.authorization.k8s.io", "v1", "roles", "role", "Role", true, List.of()),
            new DemoResource("rbac.authorization.k8s.io", "v1", "rolebindings", "rolebinding", "RoleBinding", true,
                    List.of()));

    String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }
}
