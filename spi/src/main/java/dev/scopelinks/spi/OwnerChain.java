package dev.scopelinks.spi;

import java.util.List;
import java.util.Optional;

/**
 * Walks an object's owners to the workload a person thinks of: a Pod's ReplicaSet up to its
 * Deployment, a Pod's Job up to its CronJob. Owners are read from the host's cache through
 * {@link ObjectLookup}, so a walk never blocks; an owner that is not cached ends the walk with
 * nothing rather than with a guess.
 *
 * <p>A provider that uses {@link #workload} must declare the intermediate resources
 * ({@link #REPLICA_SETS}, {@link #JOBS}) in {@link LinkProviderFactory#dependsOn()}.
 *
 * <p>Example:
 * <pre>{@code
 * Optional<OwnerReference> workload = OwnerChain.workload(pod, context.lookup());
 * vars.put("workloadKind", workload.map(OwnerReference::kind));
 * }</pre>
 */
public final class OwnerChain {

    /** ReplicaSets in {@code apps/v1}: a Pod's usual owner, owned in turn by a Deployment. */
    public static final ResourceType REPLICA_SETS = ResourceType.namespaced("apps", "v1", "replicasets", "ReplicaSet");

    /** Jobs in {@code batch/v1}: owned by a CronJob when scheduled. */
    public static final ResourceType JOBS = ResourceType.namespaced("batch", "v1", "jobs", "Job");

    private OwnerChain() {
    }

    /**
     * The controlling owner of {@code object}, or its first owner when none is marked as controller.
     * Example: a Pod's ReplicaSet {@code web-7d4f8b}.
     */
    public static Optional<OwnerReference> controller(KubeObject object) {
        List<OwnerReference> owners = object.ownerReferences();
        return owners.stream().filter(OwnerReference::controller).findFirst().or(() -> owners.stream().findFirst());
    }

    /**
     * The workload that manages {@code object}: its controller, followed one step up when that is a
     * ReplicaSet owned by a Deployment or a Job owned by a CronJob. Empty when the object has no
     * owner, or when the ReplicaSet or Job it names is not in the cache (yet). Example: for Pod
     * {@code web-7d4f8b-x2k9p} the owner {@code Deployment web}.
     */
    public static Optional<OwnerReference> workload(KubeObject object, ObjectLookup lookup) {
        Optional<OwnerReference> owner = controller(object);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        ResourceType intermediate = switch (owner.get().kind()) {
            case "ReplicaSet" -> REPLICA_SETS;
            case "Job" -> JOBS;
            default -> null;
        };
        if (intermediate == null) {
            return owner;
        }
        String namespace = object.namespace().orElse("");
        return lookup.byName(intermediate, namespace, owner.get().name())
                .filter(found -> found.uid().equals(owner.get().uid()) || owner.get().uid().isEmpty())
                .map(found -> controller(found).orElse(owner.get()));
    }
}
