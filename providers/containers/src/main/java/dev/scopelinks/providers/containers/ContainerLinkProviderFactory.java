package dev.scopelinks.providers.containers;

import dev.scopelinks.spi.Fields;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Links for Scope's {@code Container} nodes, from the container statuses of Pods: one node per
 * entry of {@code status.containerStatuses} that has a container id, as
 * {@code <containerID>;<container>} with the runtime prefix ({@code docker://},
 * {@code containerd://}, {@code cri-o://}) removed. A container without an id (still being created)
 * gets no node.
 *
 * <p>Scope draws containers only where its probe sees the container runtime (Docker, or CRI with
 * {@code --probe.cri}); on other clusters Scope has no Container nodes and these links are not
 * shown. The provider watches Pods and shares their watch with the {@code Pod} provider.
 *
 * <p>Variables, per container:
 * <ul>
 *   <li>{@code containerID}: the runtime's id without prefix, e.g. {@code 4f9c2a…};</li>
 *   <li>{@code containerName}, {@code image}, {@code imageID}, {@code restartCount}, {@code ready}:
 *       from the container's status, e.g. {@code web}, {@code nginx:1.27}, {@code 2}, {@code true};</li>
 *   <li>{@code runtime}: the id's prefix, e.g. {@code containerd};</li>
 *   <li>{@code podName}, {@code podUid}, {@code namespace}, {@code nodeName}, {@code podIP},
 *       {@code labels.<key>}, {@code annotations.<key>}: of the Pod;</li>
 *   <li>{@code ownerKind}, {@code ownerName}, {@code workloadKind}, {@code workloadName},
 *       {@code nodeZone}: as for the Pod provider.</li>
 * </ul>
 */
public final class ContainerLinkProviderFactory implements LinkProviderFactory {

    /** Pods in the core group: the same resource the Pod provider watches, so one watch serves both. */
    public static final ResourceType PODS = ResourceType.namespaced("", "v1", "pods", "Pod");

    /** Nodes in the core group, looked up for {@code nodeZone}. */
    public static final ResourceType NODES = ResourceType.clusterScoped("", "v1", "nodes", "Node");

    private static final List<Variable> VARIABLES = List.of(
            new Variable("containerID", "the container runtime's id of the container, without the runtime prefix",
                    "4f9c2a7be1d04c6f8a3e2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e"),
            new Variable("runtime", "the container runtime, from the id's prefix", "containerd"),
            new Variable("containerName", "the container's name in the Pod spec", "web"),
            new Variable("image", "the image the container runs", "nginx:1.27"),
            new Variable("imageID", "the image's digest reference", "docker.io/library/nginx@sha256:0a1b2c"),
            new Variable("restartCount", "how often the container restarted", "2"),
            new Variable("ready", "whether the container passes its readiness probe", "true"),
            new Variable("podName", "the Pod's name", "web-7d4f8b-x2k9p"),
            new Variable("podUid", "the Pod's uid", "0b6c6a3e-1111-4a2b-9c1d-000000000001"),
            new Variable("namespace", "the Pod's namespace", "shop"),
            new Variable("nodeName", "the Node the Pod runs on (spec.nodeName)", "worker-3"),
            new Variable("podIP", "the Pod's IP address (status.podIP)", "10.244.1.17"),
            new Variable("labels.<key>", "the value of the Pod's label <key>", "web"),
            new Variable("annotations.<key>", "the value of the Pod's annotation <key>", "team-a"),
            new Variable("ownerKind", "the kind of the Pod's controlling owner", "ReplicaSet"),
            new Variable("ownerName", "the name of the Pod's controlling owner", "web-7d4f8b"),
            new Variable("workloadKind", "the kind of the workload that manages the Pod (Deployment for a "
                    + "ReplicaSet's Pods, CronJob for a Job's Pods, else the owner's kind)", "Deployment"),
            new Variable("workloadName", "the name of that workload", "web"),
            new Variable("nodeZone", "the zone of the Pod's Node (its label topology.kubernetes.io/zone)",
                    "eu-west-1a"));

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return "Container";
    }

    @Override
    public ResourceType watches() {
        return PODS;
    }

    @Override
    public ScopeTopology topology() {
        return ScopeTopology.CONTAINER;
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
        return Set.of("spec.nodeName", "status.podIP", "status.containerStatuses");
    }

    @Override
    public LinkProvider create(ProviderContext context) {
        ObjectLookup lookup = context.lookup();
        return pod -> nodes(pod, lookup);
    }

    private static List<ScopeNode> nodes(KubeObject pod, ObjectLookup lookup) {
        List<Fields> statuses = pod.list("status.containerStatuses");
        if (statuses.stream().noneMatch(status -> status.field("containerID").isPresent())) {
            return List.of();
        }
        Map<String, String> podVariables = podVariables(pod, lookup);
        List<ScopeNode> nodes = new ArrayList<>(statuses.size());
        for (Fields status : statuses) {
            Optional<String> rawId = status.field("containerID").filter(id -> !id.isBlank());
            if (rawId.isEmpty()) {
                continue;
            }
            String raw = rawId.get();
            int scheme = raw.indexOf("://");
            String id = scheme < 0 ? raw : raw.substring(scheme + 3);
            if (id.isEmpty()) {
                continue;
            }
            ObjectVariables vars = ObjectVariables.empty()
                    .putAll("", podVariables)
                    .put("containerID", id)
                    .put("runtime", scheme < 0 ? null : raw.substring(0, scheme))
                    .put("containerName", status.field("name"))
                    .put("image", status.field("image"))
                    .put("imageID", status.field("imageID"))
                    .put("restartCount", status.field("restartCount"))
                    .put("ready", status.field("ready"));
            nodes.add(ScopeNode.of(ScopeTopology.CONTAINER, id, vars.build()));
        }
        return nodes;
    }

    private static Map<String, String> podVariables(KubeObject pod, ObjectLookup lookup) {
        Optional<OwnerReference> owner = OwnerChain.controller(pod);
        Optional<OwnerReference> workload = OwnerChain.workload(pod, lookup);
        Optional<String> nodeName = pod.field("spec.nodeName");
        return ObjectVariables.empty()
                .put("podName", pod.name())
                .put("podUid", pod.uid())
                .put("namespace", pod.namespace())
                .put("nodeName", nodeName)
                .put("podIP", pod.field("status.podIP"))
                .putAll("labels.", pod.labels())
                .putAll("annotations.", pod.annotations())
                .put("ownerKind", owner.map(OwnerReference::kind))
                .put("ownerName", owner.map(OwnerReference::name))
                .put("workloadKind", workload.map(OwnerReference::kind))
                .put("workloadName", workload.map(OwnerReference::name))
                .put("nodeZone", nodeName.flatMap(name -> lookup.byName(NODES, "", name))
                        .map(node -> node.labels().getOrDefault("topology.kubernetes.io/zone",
                                node.labels().get("failure-domain.beta.kubernetes.io/zone"))))
                .build();
    }
}
