package dev.scopelinks.host.render;

import dev.scopelinks.host.plugin.LoadedProvider;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One configured provider and its compiled links.
 *
 * @param provider the provider
 * @param links    its links, in configured order
 */
public record ProviderPlan(LoadedProvider provider, List<CompiledLink> links) {

    public ProviderPlan {
        Objects.requireNonNull(provider, "provider");
        links = List.copyOf(links);
    }

    public String id() {
        return provider.id();
    }

    public ResourceType watches() {
        return provider.factory().watches();
    }

    public ScopeTopology topology() {
        return provider.factory().topology();
    }

    /** The provider's variables that the configured templates use. */
    public Set<String> usedVariables() {
        Set<String> used = new LinkedHashSet<>();
        links.forEach(link -> used.addAll(link.template().usedObjectVariables()));
        return Set.copyOf(used);
    }

    /** The resources the provider looks up for these links (see {@code LinkProviderFactory.dependsOn(Set)}). */
    public Set<ResourceType> dependsOn() {
        // A provider's own code: a null answer means "nothing", not a host that cannot start.
        return Objects.requireNonNullElse(provider.factory().dependsOn(usedVariables()), Set.of());
    }
}
