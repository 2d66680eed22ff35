package dev.scopelinks.providers.deployments;

import dev.scopelinks.spi.DeclaredLinkProviderFactory;
import dev.scopelinks.spi.ProviderDeclaration;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;

/**
 * Links for Deployments, on Scope's {@code Deployment} nodes ({@code <uid>;<deployment>}). The
 * variables are listed in {@code docs/variables.md}, generated from the declaration below.
 */
public final class DeploymentLinkProviderFactory extends DeclaredLinkProviderFactory {

    /** Deployments in {@code apps/v1}. */
    public static final ResourceType DEPLOYMENTS = ResourceType.namespaced("apps", "v1", "deployments", "Deployment");

    public DeploymentLinkProviderFactory() {
        super(ProviderDeclaration.of(SpiVersion.CURRENT, "Deployment", DEPLOYMENTS, ScopeTopology.DEPLOYMENT)
                .standardVariables()
                .field("replicas", "spec.replicas", "desired number of replicas", "3")
                .selector("selector", "spec.selector.matchLabels", "the pod selector's match labels",
                        "app=web,tier=frontend", "web"));
    }
}
