package dev.scopelinks.providers.namespaces;

import dev.scopelinks.spi.DeclaredLinkProviderFactory;
import dev.scopelinks.spi.ProviderDeclaration;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;

/**
 * Links for Namespaces, on Scope's {@code Namespace} nodes ({@code <uid>;<namespace>}). The
 * variables are listed in {@code docs/variables.md}, generated from the declaration below.
 */
public final class NamespaceLinkProviderFactory extends DeclaredLinkProviderFactory {

    /** Namespaces in the core group. */
    public static final ResourceType RESOURCE = ResourceType.clusterScoped("", "v1", "namespaces", "Namespace");

    public NamespaceLinkProviderFactory() {
        super(ProviderDeclaration.of(SpiVersion.CURRENT, "Namespace", RESOURCE, ScopeTopology.NAMESPACE)
                .standardVariables()
                .field("phase", "status.phase", "the Namespace's phase", "Active"));
    }
}
