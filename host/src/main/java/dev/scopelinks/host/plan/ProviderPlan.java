package dev.scopelinks.host.plan;

import dev.scopelinks.host.plugin.LoadedProvider;
import dev.scopelinks.spi.ProviderSettings;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One configured provider and its compiled links.
 *
 * @param provider the provider
 * @param links       its links, in configured order
 * @param annotations the annotation link slots its objects may fill
 */
public record ProviderPlan(LoadedProvider provider, List<CompiledLink> links, AnnotationPlan annotations,
                           ProviderSettings settings) {

    public ProviderPlan {
        Objects.requireNonNull(provider, "provider");
        links = List.copyOf(links);
        Objects.requireNonNull(annotations, "annotations");
        Objects.requireNonNull(settings, "settings");
    }

    /** A provider with links and annotation slots, and no settings. */
    public ProviderPlan(LoadedProvider provider, List<CompiledLink> links, AnnotationPlan annotations) {
        this(provider, links, annotations, ProviderSettings.empty());
    }

    /** A provider with configured links only. */
    public ProviderPlan(LoadedProvider provider, List<CompiledLink> links) {
        this(provider, links, AnnotationPlan.NONE);
    }

    /**
     * Every row this provider's topology shows, links first, then annotation slots: what Scope's
     * metadata templates must list.
     */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        links.forEach(link -> rows.add(new Row(link.key(), link.config().label(), link.config().priority())));
        annotations.rows().forEach(row -> rows.add(new Row(row.key(), row.slot().label(), row.slot().priority())));
        return rows;
    }

    /** A row of the topology's metadata templates. */
    public record Row(String key, String label, double priority) {
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
