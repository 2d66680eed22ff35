package dev.scopelinks.providers.statefulsets;

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
import java.util.Set;

/**
 * Links for Stateful Sets, on Scope's {@code StatefulSet} nodes ({@code <uid>;<statefulset>}).
 *
 * <p>Variables: the standard ones ({@code name}, {@code namespace}, {@code uid}, {@code kind},
 * {@code labels.<key>}, {@code annotations.<key>}) and
 * <ul>
 *   <li>{@code replicas}: desired number of replicas (spec.replicas), e.g. {@code 3};</li>
 *   <li>{@code serviceName}: the governing headless Service (spec.serviceName), e.g. {@code db-headless};</li>
 *   <li>{@code selector}: the pod selector's match labels as key=value pairs joined by commas, e.g. {@code app=db};</li>
 *   <li>{@code selector.<key>}: the value of match label &lt;key&gt; of the pod selector, e.g. {@code db}.</li>
 * </ul>
 */
public final class StatefulSetLinkProviderFactory implements LinkProviderFactory {

    /** StatefulSets in {@code apps/v1}. */
    public static final ResourceType RESOURCE = ResourceType.namespaced("apps", "v1", "statefulsets", "StatefulSet");

    private static final List<Variable> VARIABLES = ObjectVariables.standardAnd(
            new Variable("replicas", "desired number of replicas (spec.replicas)", "3"),
            new Variable("serviceName", "the governing headless Service (spec.serviceName)", "db-headless"),
            new Variable("selector", "the pod selector's match labels as key=value pairs joined by commas", "app=db"),
            new Variable("selector.<key>", "the value of match label <key> of the pod selector", "db"));

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return "StatefulSet";
    }

    @Override
    public ResourceType watches() {
        return RESOURCE;
    }

    @Override
    public ScopeTopology topology() {
        return ScopeTopology.STATEFUL_SET;
    }

    @Override
    public List<Variable> variables() {
        return VARIABLES;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of("spec.replicas", "spec.serviceName", "spec.selector.matchLabels");
    }

    @Override
    public LinkProvider create(ProviderContext context) {
        return StatefulSetLinkProviderFactory::nodes;
    }

    private static List<ScopeNode> nodes(KubeObject o) {
        return List.of(ScopeNode.of(ScopeTopology.STATEFUL_SET, o.uid(), ObjectVariables.standard(o)
                .put("replicas", o.field("spec.replicas"))
                .put("serviceName", o.field("spec.serviceName"))
                .putSelector("selector", o.map("spec.selector.matchLabels"))
                .build()));
    }
}
