package dev.scopelinks.spi;

import java.util.List;
import java.util.Set;

/**
 * The entry point of a provider, found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.scopelinks.spi.LinkProviderFactory} and give it a public no-arg
 * constructor. The factory is cheap and stateless: the host reads its declarations at start and
 * calls {@link #create} once per configuration (at start and after each reload), with the jar's
 * class loader as the thread's context class loader.
 *
 * <p>Three separate things are declared, never inferred from each other: the {@link #id() id}
 * operators write in their config, the {@link #watches() resource} it watches, and the
 * {@link #topology() topology} it feeds. The {@code Host} provider, for example, watches Nodes and
 * feeds the {@code Host} topology; the {@code Container} provider watches Pods.
 *
 * <p>Most providers extend {@link DeclaredLinkProviderFactory}, which derives every declaration
 * from one {@link ProviderDeclaration}; implement this interface directly only when that does not fit.
 *
 * <p>Example: see the {@linkplain dev.scopelinks.spi package documentation}.
 */
public interface LinkProviderFactory {

    /**
     * The API version the provider was compiled against: return {@link SpiVersion#CURRENT}.
     * Example: {@code public int spiVersion() { return SpiVersion.CURRENT; }}
     */
    int spiVersion();

    /**
     * The provider id: the key operators use in the config, and the name in logs and metrics.
     * Example: {@code "Deployment"}.
     */
    String id();

    /**
     * The resource whose objects this provider turns into nodes.
     * Example: {@code ResourceType.namespaced("apps", "v1", "deployments", "Deployment")}.
     */
    ResourceType watches();

    /** The Scope topology the nodes belong to. Example: {@code ScopeTopology.DEPLOYMENT}. */
    ScopeTopology topology();

    /**
     * Every variable the provider offers, documented; templates may use only these.
     * Example: {@code ObjectVariables.standardAnd(Variable.of("replicas", "desired replicas", "3"))}.
     */
    List<Variable> variables();

    /**
     * Every other resource the provider may look up through {@link ObjectLookup}. The host watches
     * (and needs read access to) the part of it that {@link #dependsOn(Set)} returns for the
     * configured templates. Example: Pods declare ReplicaSets to resolve their Deployment:
     * {@code Set.of(OwnerChain.REPLICA_SETS, OwnerChain.JOBS)}.
     */
    default Set<ResourceType> dependsOn() {
        return Set.of();
    }

    /**
     * The resources to look up for one configuration, given the variables its templates use;
     * the host watches only these, so an operator who does not use a cross-object variable does
     * not pay for (or grant read access to) the resource behind it. By default all of
     * {@link #dependsOn()}.
     *
     * <p>Example: Pods need ReplicaSets and Jobs only for {@code workloadKind}/{@code workloadName}:
     * <pre>{@code
     * public Set<ResourceType> dependsOn(Set<String> usedVariables) {
     *     return usedVariables.contains("workloadName") ? Set.of(OwnerChain.REPLICA_SETS) : Set.of();
     * }
     * }</pre>
     *
     * <p>Return a subset of {@link #dependsOn()}; a look-up of a resource not returned here finds nothing.
     *
     * @param usedVariables the provider's variables that the configured templates use
     * @since SPI version 1 (added as a default method)
     */
    default Set<ResourceType> dependsOn(Set<String> usedVariables) {
        return dependsOn();
    }

    /**
     * Fields beyond the standard metadata the provider reads, as paths from the object's root
     * (e.g. {@code "spec.nodeName"}). The host may keep only these in its cache.
     * Example: {@code Set.of("spec.replicas", "spec.selector.matchLabels")}.
     *
     * <p>The host's cache also keeps only the labels and annotations that the configured templates
     * ({@code labels.<key>}, {@code annotations.<key>}) and conditions use. A provider that reads a
     * label or annotation of its own objects in code declares it here as
     * {@code "metadata.labels.<key>"} or {@code "metadata.annotations.<key>"} (e.g.
     * {@code "metadata.labels.topology.kubernetes.io/zone"}), or {@code "metadata.labels"} /
     * {@code "metadata.annotations"} for all of them. Objects of resources the provider looks up
     * ({@link #dependsOn()}) keep every label and annotation.
     */
    default Set<String> fieldsRead() {
        return Set.of();
    }

    /**
     * Whether the watched resource's API may be missing from a cluster: a CRD group that is
     * installed separately, or an API version newer clusters stopped serving. When the cluster
     * does not serve it, the host does not fail: it reports this provider as degraded (not ready),
     * emits none of its nodes, and looks the API up again periodically, so an API installed later
     * is picked up without a restart. Built-in kinds that every cluster serves keep the default.
     *
     * <p>Example: a provider for OpenEBS's {@code VolumeSnapshot} CRD, or for CronJobs in
     * {@code batch/v1beta1}: {@code public boolean watchesOptionalApi() { return true; }}
     *
     * @since SPI version 1 (added as a default method)
     */
    default boolean watchesOptionalApi() {
        return false;
    }

    /**
     * The keys this provider reads from {@link ProviderContext#settings()}. The host rejects a
     * config that sets any other key under the provider's {@code settings:}, with the key's
     * file:line:col, so a misspelt key is never silently ignored. None by default.
     *
     * <p>Example: {@code public Set<String> settingKeys() { return Set.of("console"); }}
     *
     * @since SPI version 1 (added as a default method)
     */
    default Set<String> settingKeys() {
        return Set.of();
    }

    /**
     * Creates the provider for one configuration. Called at start and after each config reload;
     * the host calls {@link LinkProvider#close()} on the instance it replaces. May throw (a setting
     * that does not parse, say): the host then serves no links for this provider, reports it as
     * degraded, and keeps every other provider running.
     *
     * <p>Example: {@code return object -> List.of(ScopeNode.of(topology(), object.uid(),
     * ObjectVariables.standard(object).build()));}
     */
    LinkProvider create(ProviderContext context);
}
