package dev.scopelinks.providers.daemonsets;

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
 * Links for Daemon Sets, on Scope's {@code DaemonSet} nodes ({@code <uid>;<daemonset>}).
 *
 * <p>Variables: the standard ones ({@code name}, {@code namespace}, {@code uid}, {@code kind},
 * {@code labels.<key>}, {@code annotations.<key>}) and
 * <ul>
 *   <li>{@code desiredNumberScheduled}: Nodes that should run the daemon Pod (status.desiredNumberScheduled), e.g. {@code 5};</li>
 *   <li>{@code selector}: the pod selector's match labels as key=value pairs joined by commas, e.g. {@code app=db};</li>
 *   <li>{@code selector.<key>}: the value of match label &lt;key&gt; of the pod selector, e.g. {@code db}.</li>
 * </ul>
 */
public final class DaemonSetLinkProviderFactory implements LinkProviderFactory {

    /** DaemonSets in {@code apps/v1}. */
    public static final ResourceType RESOURCE = ResourceType.namespaced("apps", "v1", "daemonsets", "DaemonSet");

    private static final List<Variable> VARIABLES = ObjectVariables.standardAnd(
            new Variable("desiredNumberScheduled", "Nodes that should run the daemon Pod (status.desiredNumberScheduled)", "5"),
            new Variable("selector", "the pod selector's match labels as key=value pairs joined by commas", "app=db"),
            new Variable("selector.<key>", "the value of match label <key> of the pod selector", "db"));

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return "DaemonSet";
    }

    @Override
    public ResourceType watches() {
        return RESOURCE;
    }

    @Override
    public ScopeTopology topology() {
        return ScopeTopology.DAEMON_SET;
    }

    @Override
    public List<Variable> variables() {
        return VARIABLES;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of("status.desiredNumberScheduled", "spec.selector.matchLabels");
    }

    @Override
    public LinkProvider create(ProviderContext context) {
        return DaemonSetLinkProviderFactory::nodes;
    }

    private static List<ScopeNode> nodes(KubeObject o) {
        return List.of(ScopeNode.of(ScopeTopology.DAEMON_SET, o.uid(), ObjectVariables.standard(o)
                .put("desiredNumberScheduled", o.field("status.desiredNumberScheduled"))
                .putSelector("selector", o.map("spec.selector.matchLabels"))
                .build()));
    }
}
