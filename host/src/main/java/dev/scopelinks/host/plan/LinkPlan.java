package dev.scopelinks.host.plan;

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
     * resources it looks up for the variables its templates use. This set is also what the host
     * needs {@code get, list, watch} on.
     */
    public Set<ResourceType> watchedResources() {
        Set<ResourceType> resources = new LinkedHashSet<>();
        for (ProviderPlan provider : providers) {
            resources.add(provider.watches());
            resources.addAll(provider.dependsOn());
        }
        return resources;
    }

    /**
     * The watched resources whose API a cluster may not serve: those watched only by providers that
     * declare {@code watchesOptionalApi()}. A resource any other provider needs is never optional.
     */
    public Set<ResourceType> optionalResources() {
        Set<ResourceType> optional = new LinkedHashSet<>();
        Set<ResourceType> required = new LinkedHashSet<>();
        for (ProviderPlan provider : providers) {
            (provider.provider().factory().watchesOptionalApi() ? optional : required).add(provider.watches());
            required.addAll(provider.dependsOn());
        }
        optional.removeAll(required);
        return optional;
    }
}
