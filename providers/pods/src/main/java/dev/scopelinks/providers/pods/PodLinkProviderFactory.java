package dev.scopelinks.providers.pods;

import dev.scopelinks.spi.DeclaredLinkProviderFactory;
import dev.scopelinks.spi.ProviderDeclaration;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;

/**
 * Links for Pods, on Scope's {@code Pod} nodes ({@code <uid>;<pod>}). The variables are listed in
 * {@code docs/variables.md}, generated from the declaration below. {@code workloadKind} and
 * {@code workloadName} are looked up in the host's cache of ReplicaSets and Jobs, and
 * {@code nodeZone} in its cache of Nodes; the host watches those only when a template uses them.
 */
public final class PodLinkProviderFactory extends DeclaredLinkProviderFactory {

    /** Pods in the core group. */
    public static final ResourceType PODS = ResourceType.namespaced("", "v1", "pods", "Pod");

    /** Nodes in the core group, looked up for {@code nodeZone}. */
    public static final ResourceType NODES = ProviderDeclaration.NODES;

    public PodLinkProviderFactory() {
        super(ProviderDeclaration.of(SpiVersion.CURRENT, "Pod", PODS, ScopeTopology.POD)
                .standardVariables()
                .field("nodeName", "spec.nodeName", "the Node the Pod is scheduled on", "worker-3")
                .field("podIP", "status.podIP", "the Pod's IP address", "10.244.1.17")
                .field("hostIP", "status.hostIP", "the IP address of the Pod's Node", "192.0.2.11")
                .field("phase", "status.phase", "the Pod's phase", "Running")
                .owner("ReplicaSet", "web-7d4f8b")
                .workload()
                .nodeZone("spec.nodeName"));
    }
}
