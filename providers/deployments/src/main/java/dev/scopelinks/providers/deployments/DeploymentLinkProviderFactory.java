package dev.scopelinks.providers.deployments;

import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.LinkProvider;
import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.spi.ObjectVariables;
import dev.scopelinks.spi.ProviderContext;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeNode;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;
import dev.scopelinks.spi.Variable;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links for Deployments, on Scope's {@code Deployment} nodes ({@code <uid>;<deployment>}).
 *
 * <p>Variables: the standard ones ({@code name}, {@code namespace}, {@code uid}, {@code kind},
 * {@code labels.<key>}, {@code annotations.<key>}) and
 * <ul>
 *   <li>{@code replicas}: desired replicas, {@code spec.replicas}, e.g. {@code 3};</li>
 *   <li>{@code selector}: the pod selector's match labels as {@code key=value} pairs joined by commas,
 *       ready for a label query, e.g. {@code app=web,tier=frontend};</li>
 *   <li>{@code selector.<key>}: one match label's value, e.g. {@code selector.app} = {@code web}.</li>
 * </ul>
 */
public final class DeploymentLinkProviderFactory implements LinkProviderFactory {

    /** Deployments in {@code apps/v1}. */
    public static final ResourceType DEPLOYMENTS = ResourceType.namespaced("apps", "v1", "deployments", "Deployment");

    private static final List<Variable> VARIABLES = ObjectVariables.standardAnd(
            new Variable("replicas", "desired number of replicas (spec.replicas)", "3"),
            new Variable("selector", "the pod selector's match labels as key=value pairs joined by commas",
                    "app=web,tier=frontend"),
            new Variable("selector.<key>", "the value of match label <key> of the pod selector", "web"));

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return "Deployment";
    }

    @Override
    public ResourceType watches() {
        return DEPLOYMENTS;
    }

    @Override
    public ScopeTopology topology() {
        return ScopeTopology.DEPLOYMENT;
    }

    @Override
    public List<Variable> variables() {
        return VARIABLES;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of("spec.replicas", "spec.selector.matchLabels");
    }

    @Override
    public LinkProvider create(ProviderContext context) {
        return DeploymentLinkProviderFactory::nodes;
    }

    private static List<ScopeNode> nodes(KubeObject deployment) {
        Map<String, String> variables = ObjectVariables.standard(deployment)
                .put("replicas", deployment.field("spec.replicas"))
                .putSelector("selector", deployment.map("spec.selector.matchLabels"))
                .build();
        return List.of(ScopeNode.of(ScopeTopology.DEPLOYMENT, deployment.uid(), variables));
    }
}
