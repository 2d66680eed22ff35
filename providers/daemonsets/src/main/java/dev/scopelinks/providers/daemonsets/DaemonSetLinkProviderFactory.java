package dev.scopelinks.providers.daemonsets;

import dev.scopelinks.spi.DeclaredLinkProviderFactory;
import dev.scopelinks.spi.ProviderDeclaration;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;

/**
 * Links for Daemon Sets, on Scope's {@code DaemonSet} nodes ({@code <uid>;<daemonset>}). The
 * variables are listed in {@code docs/variables.md}, generated from the declaration below.
 */
public final class DaemonSetLinkProviderFactory extends DeclaredLinkProviderFactory {

    /** DaemonSets in {@code apps/v1}. */
    public static final ResourceType RESOURCE = ResourceType.namespaced("apps", "v1", "daemonsets", "DaemonSet");

    public DaemonSetLinkProviderFactory() {
        super(ProviderDeclaration.of(SpiVersion.CURRENT, "DaemonSet", RESOURCE, ScopeTopology.DAEMON_SET)
                .standardVariables()
                .field("desiredNumberScheduled", "status.desiredNumberScheduled", "Nodes that should run the daemon Pod",
                        "5")
                .selector("selector", "spec.selector.matchLabels", "the pod selector's match labels", "app=db", "db"));
    }
}
