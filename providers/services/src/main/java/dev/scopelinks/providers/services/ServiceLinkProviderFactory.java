package dev.scopelinks.providers.services;

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
 * Links for Services, on Scope's {@code Service} nodes ({@code <uid>;<service>}).
 *
 * <p>Variables: the standard ones and
 * <ul>
 *   <li>{@code type}: {@code spec.type}, e.g. {@code ClusterIP} or {@code LoadBalancer};</li>
 *   <li>{@code clusterIP}: {@code spec.clusterIP}, e.g. {@code 10.96.0.12} (absent for {@code None});</li>
 *   <li>{@code selector}: the selector as {@code key=value} pairs joined by commas, e.g. {@code app=web};</li>
 *   <li>{@code selector.<key>}: one selector label's value.</li>
 * </ul>
 */
public final class ServiceLinkProviderFactory implements LinkProviderFactory {

    /** Services in the core group. */
    public static final ResourceType SERVICES = ResourceType.namespaced("", "v1", "services", "Service");

    private static final List<Variable> VARIABLES = ObjectVariables.standardAnd(
            new Variable("type", "the Service type (spec.type)", "ClusterIP"),
            new Variable("clusterIP", "the cluster IP (spec.clusterIP); absent for headless Services", "10.96.0.12"),
            new Variable("selector", "the selector as key=value pairs joined by commas", "app=web"),
            new Variable("selector.<key>", "the value of selector label <key>", "web"));

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return "Service";
    }

    @Override
    public ResourceType watches() {
        return SERVICES;
    }

    @Override
    public ScopeTopology topology() {
        return ScopeTopology.SERVICE;
    }

    @Override
    public List<Variable> variables() {
        return VARIABLES;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of("spec.type", "spec.clusterIP", "spec.selector");
    }

    @Override
    public LinkProvider create(ProviderContext context) {
        return ServiceLinkProviderFactory::nodes;
    }

    private static List<ScopeNode> nodes(KubeObject service) {
        String clusterIp = service.field("spec.clusterIP").filter(ip -> !ip.equalsIgnoreCase("None")).orElse(null);
        Map<String, String> variables = ObjectVariables.standard(service)
                .put("type", service.field("spec.type").orElse("ClusterIP"))
                .put("clusterIP", clusterIp)
                .putSelector("selector", service.map("spec.selector"))
                .build();
        return List.of(ScopeNode.of(ScopeTopology.SERVICE, service.uid(), variables));
    }
}
