package dev.scopelinks.providers.services;

import dev.scopelinks.spi.DeclaredLinkProviderFactory;
import dev.scopelinks.spi.ProviderDeclaration;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;
import java.util.Set;

/**
 * Links for Services, on Scope's {@code Service} nodes ({@code <uid>;<service>}). The variables are
 * listed in {@code docs/variables.md}, generated from the declaration below.
 */
public final class ServiceLinkProviderFactory extends DeclaredLinkProviderFactory {

    /** Services in the core group. */
    public static final ResourceType SERVICES = ResourceType.namespaced("", "v1", "services", "Service");

    public ServiceLinkProviderFactory() {
        super(ProviderDeclaration.of(SpiVersion.CURRENT, "Service", SERVICES, ScopeTopology.SERVICE)
                .standardVariables()
                // The API server defaults the type; an object without one (in a test, say) is a ClusterIP Service.
                .computed("type", "the Service type (spec.type)", "ClusterIP", Set.of("spec.type"),
                        service -> service.field("spec.type").orElse("ClusterIP"))
                .field("clusterIP", "spec.clusterIP", "the cluster IP; absent for headless Services", "10.96.0.12",
                        ip -> ip.equalsIgnoreCase("None") ? null : ip)
                .selector("selector", "spec.selector", "the selector", "app=web", "web"));
    }
}
