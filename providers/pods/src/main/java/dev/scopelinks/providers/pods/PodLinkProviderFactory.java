package dev.scopelinks.providers.pods;

import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.LinkProvider;
import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.spi.ObjectVariables;
import dev.scopelinks.spi.OwnerReference;
import dev.scopelinks.spi.ProviderContext;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeNode;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;
import dev.scopelinks.spi.Variable;
import java.util.List;
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
 *       {@code web-7d4f8b}.</li>
 * </ul>
 */
public final class PodLinkProviderFactory implements LinkProviderFactory {

    /** Pods in the core group. */
    public static final ResourceType PODS = ResourceType.namespaced("", "v1", "pods", "Pod");

    private static final List<Variable> VARIABLES = ObjectVariables.standardAnd(
            new Variable("nodeName", "the Node the Pod is scheduled on (spec.nodeName)", "worker-3"),
            new Variable("podIP", "the Pod's IP address (status.podIP)", "10.244.1.17"),
            new Variable("hostIP", "the IP address of the Pod's Node (status.hostIP)", "192.0.2.11"),
            new Variable("phase", "the Pod's phase (status.phase)", "Running"),
            new Variable("ownerKind", "the kind of the Pod's controlling owner", "ReplicaSet"),
            new Variable("ownerName", "the name of the Pod's controlling owner", "web-7d4f8b"));

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
    public Set<String> fieldsRead() {
        return Set.of("spec.nodeName", "status.podIP", "status.hostIP", "status.phase");
    }

    @Override
    public LinkProvider create(ProviderContext context) {
        return PodLinkProviderFactory::nodes;
    }

    private static List<ScopeNode> nodes(KubeObject pod) {
        Optional<OwnerReference> owner = controller(pod);
        return List.of(ScopeNode.of(ScopeTopology.POD, pod.uid(), ObjectVariables.standard(pod)
                .put("nodeName", pod.field("spec.nodeName"))
                .put("podIP", pod.field("status.podIP"))
                .put("hostIP", pod.field("status.hostIP"))
                .put("phase", pod.field("status.phase"))
                .put("ownerKind", owner.map(OwnerReference::kind))
                .put("ownerName", owner.map(OwnerReference::name))
                .build()));
    }

    /** The controlling owner, or the first owner when none is marked as controller. */
    static Optional<OwnerReference> controller(KubeObject object) {
        List<OwnerReference> owners = object.ownerReferences();
        return owners.stream().filter(OwnerReference::controller).findFirst().or(() -> owners.stream().findFirst());
    }
}
