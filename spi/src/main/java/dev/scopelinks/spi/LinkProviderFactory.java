package dev.scopelinks.spi;

import java.util.List;
import java.util.Set;

/**
 * The entry point of a provider, found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.scopelinks.spi.LinkProviderFactory} and give it a public no-arg
 * constructor. The factory is cheap and stateless: the host reads its declarations at start and
 * calls {@link #create} once per configuration.
 *
 * <p>Three separate things are declared, never inferred from each other: the {@link #id() id}
 * operators write in their config, the {@link #watches() resource} it watches, and the
 * {@link #topology() topology} it feeds. The {@code Host} provider, for example, watches Nodes and
 * feeds the {@code Host} topology; the {@code Container} provider watches Pods.
 *
 * <p>Example: see the {@linkplain dev.scopelinks.spi package documentation}.
 */
public interface LinkProviderFactory {

    /** The API version the provider was compiled against: return {@link SpiVersion#CURRENT}. */
    int spiVersion();

    /**
     * The provider id: the key operators use in the config, and the name in logs and metrics.
     * Example: {@code "Deployment"}.
     */
    String id();

    /** The resource whose objects this provider turns into nodes. */
    ResourceType watches();

    /** The Scope topology the nodes belong to. */
    ScopeTopology topology();

    /** Every variable the provider offers, documented; templates may use only these. */
    List<Variable> variables();

    /**
     * Other resources the provider looks up through {@link ObjectLookup}; the host watches them
     * too (and needs read access to them). Example: Pods declare ReplicaSets to resolve their
     * Deployment.
     */
    default Set<ResourceType> dependsOn() {
        return Set.of();
    }

    /**
     * Fields beyond the standard metadata the provider reads, as paths from the object's root
     * (e.g. {@code "spec.nodeName"}). The host may keep only these in its cache.
     */
    default Set<String> fieldsRead() {
        return Set.of();
    }

    /** Creates the provider for one configuration. */
    LinkProvider create(ProviderContext context);
}
