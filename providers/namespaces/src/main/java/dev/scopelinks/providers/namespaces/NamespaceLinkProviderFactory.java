package dev.scopelinks.providers.namespaces;

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
 * Links for Namespaces, on Scope's {@code Namespace} nodes ({@code <uid>;<namespace>}).
 *
 * <p>Variables: the standard ones ({@code name}, {@code namespace}, {@code uid}, {@code kind},
 * {@code labels.<key>}, {@code annotations.<key>}) and
 * <ul>
 *   <li>{@code phase}: the Namespace's phase (status.phase), e.g. {@code Active}.</li>
 * </ul>
 */
public final class NamespaceLinkProviderFactory implements LinkProviderFactory {

    /** Namespaces in the core group. */
    public static final ResourceType RESOURCE = ResourceType.clusterScoped("", "v1", "namespaces", "Namespace");

    private static final List<Variable> VARIABLES = ObjectVariables.standardAnd(
            new Variable("phase", "the Namespace's phase (status.phase)", "Active"));

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return "Namespace";
    }

    @Override
    public ResourceType watches() {
        return RESOURCE;
    }

    @Override
    public ScopeTopology topology() {
        return ScopeTopology.NAMESPACE;
    }

    @Override
    public List<Variable> variables() {
        return VARIABLES;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of("status.phase");
    }

    @Override
    public LinkProvider create(ProviderContext context) {
        return NamespaceLinkProviderFactory::nodes;
    }

    private static List<ScopeNode> nodes(KubeObject o) {
        return List.of(ScopeNode.of(ScopeTopology.NAMESPACE, o.uid(), ObjectVariables.standard(o)
                .put("phase", o.field("status.phase"))
                .build()));
    }
}
