package dev.scopelinks.spi;

/**
 * The Weave Scope topologies a provider can feed, with the report key and node-id tag Scope uses.
 *
 * <p>Scope's report keys are case-sensitive ({@code Pod}, not {@code Pods}) and several node-id
 * tags have no underscore ({@code <daemonset>}); both are fixed here so no provider can get them
 * wrong. ReplicaSet is absent on purpose: Scope never draws ReplicaSet nodes, and a node Scope does
 * not draw appears as a "ghost" in its UI.
 *
 * <p>Example: {@code ScopeTopology.DEPLOYMENT.nodeId(uid)} gives {@code "<uid>;<deployment>"}.
 */
public enum ScopeTopology {
    POD("Pod", "pod"),
    SERVICE("Service", "service"),
    DEPLOYMENT("Deployment", "deployment"),
    DAEMON_SET("DaemonSet", "daemonset"),
    STATEFUL_SET("StatefulSet", "statefulset"),
    CRON_JOB("CronJob", "cronjob"),
    JOB("Job", "job"),
    NAMESPACE("Namespace", "namespace"),
    PERSISTENT_VOLUME("PersistentVolume", "persistent_volume"),
    PERSISTENT_VOLUME_CLAIM("PersistentVolumeClaim", "persistent_volume_claim"),
    STORAGE_CLASS("StorageClass", "storage_class"),
    VOLUME_SNAPSHOT("VolumeSnapshot", "volume_snapshot"),
    VOLUME_SNAPSHOT_DATA("VolumeSnapshotData", "volume_snapshot_data"),
    /** Scope's hosts; the id is the host name, which Scope's manifests set to the Node's name. */
    HOST("Host", "host"),
    /** Containers; the id is the runtime's container id without its {@code docker://} prefix. */
    CONTAINER("Container", "container");

    private final String reportKey;
    private final String tag;

    ScopeTopology(String reportKey, String tagName) {
        this.reportKey = reportKey;
        this.tag = "<" + tagName + ">";
    }

    /** The top-level key of this topology in a plugin report, e.g. {@code "StatefulSet"}. */
    public String reportKey() {
        return reportKey;
    }

    /** The node-id tag, e.g. {@code "<statefulset>"}. */
    public String tag() {
        return tag;
    }

    /** The Scope node id for an object: {@code id + ";" + tag()}, e.g. {@code "3f1c…;<pod>"}. */
    public String nodeId(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a " + reportKey + " node needs a non-empty id");
        }
        return id + ";" + tag;
    }
}
