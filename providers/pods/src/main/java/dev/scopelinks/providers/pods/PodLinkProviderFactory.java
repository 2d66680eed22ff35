package dev.scopelinks.providers.pods;

import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.LinkProvider;
import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.spi.ObjectLookup;
import dev.scopelinks.spi.ObjectVariables;
import dev.scopelinks.spi.OwnerChain;
import dev.scopelinks.spi.OwnerReference;
import dev.scopelinks.spi.ProviderContext;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeNode;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;
import dev.scopelinks.spi.Variable;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Links for Pods, on Scope's {@code Pod} nodes ({@code <uid>;<pod>}).
 *
 * <p>Variables: the standard ones and
 * <ul>
 *   <li>{@code nodeName}: the Node it runs on, {@code spec.nodeName}, e.g. {@code worker-3};</li>
 *   <li>{@code podIP}, {@code hostIP}: {@code status.podIP} and {@code status.hostIP};</li>
 *   <li>{@code phase}: {@code status.phase}, e.g. {@code Running};</li>
 *   <li>{@code ownerKind}, {@code ownerName}: its controlling owner, e.g. {@code ReplicaSet} and
 *       {@code web-7d4f8b};</li>
 *   <li>{@code workloadKind}, {@code workloadName}: the workload behind that owner, one step up
 *       from a ReplicaSet (to its Deployment) or a Job (to its CronJob), e.g. {@code Deployment} and
 *       {@code web}; looked up in the host's cache of ReplicaSets and Jobs, which the host watches
 *       only when a template uses these two variables;</li>
 *   <li>{@code nodeZone}: the zone of its Node (label {@code topology.kubernetes.io/zone}), e.g.
 *       {@code eu-west-1a}; the host watches Nodes only when a template uses it.</li>
 * </ul>
 */
public final class PodLinkProviderFactory implements LinkProviderFactory {

    /** Pods in the core group. */
    public static final ResourceType PODS = ResourceType.namespaced("", "v1", "pods", "Pod");

    /** Nodes in the core group, looked up for {@code nodeZone}. */
    public static final ResourceType NODES = ResourceType.clusterScoped("", "v1", "nodes", "Node");

    private static final List<Variable> VARIABLES = ObjectVariables.standardAnd(
            new Variable("nodeName", "the Node the Pod is scheduled on (spec.nodeName)", "worker-3"),
            new Variable("podIP", "the Pod's IP address (status.podIP)", "10.244.1.17"),
            new Variable("hostIP", "the IP address of the Pod's Node (status.hostIP)", "192.0.2.11"),
            new Variable("phase", "the Pod's phase (status.phase)", "Running"),
            new Variable("ownerKind", "the kind of the Pod's controlling owner", "ReplicaSet"),
            new Variable("ownerName", "the name of the Pod's controlling owner", "web-7d4f8b"),
            new Variable("workloadKind", "the kind of the workload that manages the Pod: the owner's own owner "
                    + "for a ReplicaSet or Job (Deployment, CronJob), else the owner", "Deployment"),
            new Variable("workloadName", "the name of that workload", "web"),
            new Variable("nodeZone", "the zone of the Pod's Node (its label topology.kubernetes.io/zone)",
                    "eu-west-1a"));

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return "Pod";
    }

    @Override
    public ResourceType watches() {
        return PODS;
    }

    @Override
    public ScopeTopology topology() {
        return ScopeTopology.POD;
    }

    @Override
    public List<Variable> variables() {
        return VARIABLES;
    }

    @Override
    public Set<ResourceType> dependsOn() {
        return Set.of(OwnerChain.REPLICA_SETS, OwnerChain.JOBS, NODES);
    }

    @Override
    public Set<ResourceType> dependsOn(Set<String> usedVariables) {
        Set<ResourceType> needed = new HashSet<>();
        if (usedVariables.contains("workloadKind") || usedVariables.contains("workloadName")) {
            needed.add(OwnerChain.REPLICA_SETS);
            needed.add(OwnerChain.JOBS);
        }
        if (usedVariables.contains("nodeZone")) {
            needed.add(NODES);
        }
        return Set.copyOf(needed);
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of("spec.nodeName", "status.podIP", "status.hostIP", "status.phase");
    }

    @Override
    public LinkProvider create(ProviderContext context) {
        ObjectLookup lookup = context.lookup();
        return pod -> nodes(pod, lookup);
    }

    private static List<ScopeNode> nodes(KubeObject pod, ObjectLookup lookup) {
        Optional<OwnerReference> owner = OwnerChain.controller(pod);
        Optional<OwnerReference> workload = OwnerChain.workload(pod, lookup);
        Optional<String> nodeName = pod.field("spec.nodeName");
        return List.of(ScopeNode.of(ScopeTopology.POD, pod.uid(), ObjectVariables.standard(pod)
                .put("nodeName", nodeName)
                .put("podIP", pod.field("status.podIP"))
                .put("hostIP", pod.field("status.hostIP"))
                .put("phase", pod.field("status.phase"))
                .put("ownerKind", owner.map(OwnerReference::kind))
                .put("ownerName", owner.map(OwnerReference::name))
                .put("workloadKind", workload.map(OwnerReference::kind))
                .put("workloadName", workload.map(OwnerReference::name))
                .put("nodeZone", nodeName.flatMap(name -> lookup.byName(NODES, "", name)).map(PodLinkProviderFactory::zone))
                .build()));
    }

    private static String zone(KubeObject node) {
        Map<String, String> labels = node.labels();
        return labels.getOrDefault("topology.kubernetes.io/zone", labels.get("failure-domain.beta.kubernetes.io/zone"));
    }
}
