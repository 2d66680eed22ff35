package dev.scopelinks.host.render;

import dev.scopelinks.host.config.ScopeLinksConfig;
import dev.scopelinks.spi.ResourceType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A config checked against the installed providers: everything the host needs to render links.
 *
 * @param config    the config it came from
 * @param providers the configured providers, in config order
 */
public record LinkPlan(ScopeLinksConfig config, List<ProviderPlan> providers) {

    public LinkPlan {
        Objects.requireNonNull(config, "config");
        providers = List.copyOf(providers);
    }

    /**
     * Every resource the host must watch for this plan: each provider's own resource and the
     * resources it looks up. This set is also what the host needs {@code get, list, watch} on.
     */
    public Set<ResourceType> watchedResources() {
        Set<ResourceType> resources = new LinkedHashSet<>();
        for (ProviderPlan provider : providers) {
            resources.add(provider.watches());
            resources.addAll(provider.provider().factory().dependsOn());
        }
        return resources;
    }
}
