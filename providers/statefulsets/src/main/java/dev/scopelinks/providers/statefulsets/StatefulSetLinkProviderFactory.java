package dev.scopelinks.providers.statefulsets;

import dev.scopelinks.spi.DeclaredLinkProviderFactory;
import dev.scopelinks.spi.ProviderDeclaration;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;

/**
 * Links for Stateful Sets, on Scope's {@code StatefulSet} nodes ({@code <uid>;<statefulset>}). The
 * variables are listed in {@code docs/variables.md}, generated from the declaration below.
 */
public final class StatefulSetLinkProviderFactory extends DeclaredLinkProviderFactory {

    /** StatefulSets in {@code apps/v1}. */
    public static final ResourceType RESOURCE = ResourceType.namespaced("apps", "v1", "statefulsets", "StatefulSet");

    public StatefulSetLinkProviderFactory() {
        super(ProviderDeclaration.of(SpiVersion.CURRENT, "StatefulSet", RESOURCE, ScopeTopology.STATEFUL_SET)
                .standardVariables()
                .field("replicas", "spec.replicas", "desired number of replicas", "3")
                .field("serviceName", "spec.serviceName", "the governing headless Service", "db-headless")
                .selector("selector", "spec.selector.matchLabels", "the pod selector's match labels", "app=db", "db"));
    }
}
