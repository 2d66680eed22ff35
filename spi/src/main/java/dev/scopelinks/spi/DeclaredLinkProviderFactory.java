package dev.scopelinks.spi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link LinkProviderFactory} whose every declaration, and the provider it creates, come from
 * one {@link ProviderDeclaration}. A subclass has a public no-arg constructor that passes its
 * declaration up, and is listed in {@code META-INF/services/dev.scopelinks.spi.LinkProviderFactory}.
 * It may override any method (e.g. {@link #settingKeys()} and {@link #create} to read settings);
 * the rest stay derived.
 *
 * <p>Example:
 * <pre>{@code
 * public final class NamespaceLinkProviderFactory extends DeclaredLinkProviderFactory {
 *     public NamespaceLinkProviderFactory() {
 *         super(ProviderDeclaration.of(SpiVersion.CURRENT, "Namespace",
 *                         ResourceType.clusterScoped("", "v1", "namespaces", "Namespace"), ScopeTopology.NAMESPACE)
 *                 .standardVariables()
 *                 .field("phase", "status.phase", "the Namespace's phase", "Active"));
 *     }
 * }
 * }</pre>
 */
public abstract class DeclaredLinkProviderFactory implements LinkProviderFactory {

    private final int spiVersion;
    private final String id;
    private final ResourceType watches;
    private final ScopeTopology topology;
    private final boolean optionalApi;
    private final List<Variable> variables;
    private final Set<String> fieldsRead;
    private final Set<ResourceType> dependsOn;
    private final List<ProviderDeclaration.Source> sources;
    private final List<ProviderDeclaration.ElementSource> elementSources;
    private final Function<KubeObject, String> nodeId;
    private final String elementList;
    private final Function<Fields, Optional<String>> elementId;

    /**
     * Takes a copy of {@code declaration}. Example:
     * {@code super(ProviderDeclaration.of(SpiVersion.CURRENT, "Job", JOBS, ScopeTopology.JOB).standardVariables())}.
     */
    protected DeclaredLinkProviderFactory(ProviderDeclaration declaration) {
        this.spiVersion = declaration.spiVersion;
        this.id = declaration.id;
        this.watches = declaration.watches;
        this.topology = declaration.topology;
        this.optionalApi = declaration.optionalApi;
        this.variables = List.copyOf(declaration.variables);
        this.fieldsRead = Set.copyOf(declaration.fieldsRead());
        this.sources = List.copyOf(declaration.sources);
        this.elementSources = List.copyOf(declaration.elementSources);
        this.nodeId = declaration.nodeId;
        this.elementList = declaration.elementList;
        this.elementId = declaration.elementId;
        Set<ResourceType> all = new LinkedHashSet<>();
        sources.forEach(source -> all.addAll(source.lookups()));
        this.dependsOn = Set.copyOf(all);
    }

    /** The version passed to {@link ProviderDeclaration#of}: the one the subclass was compiled against. */
    @Override
    public int spiVersion() {
        return spiVersion;
    }

    /** The declared id, e.g. {@code "Deployment"}. */
    @Override
    public String id() {
        return id;
    }

    /** The declared resource, e.g. {@code deployments.apps/v1}. */
    @Override
    public ResourceType watches() {
        return watches;
    }

    /** The declared topology, e.g. {@link ScopeTopology#DEPLOYMENT}. */
    @Override
    public ScopeTopology topology() {
        return topology;
    }

    /** Every declared variable, in declaration order, e.g. {@code [name, namespace, …, replicas]}. */
    @Override
    public List<Variable> variables() {
        return variables;
    }

    /** Every resource any declared variable looks up, e.g. {@code [replicasets.apps/v1, jobs.batch/v1]}. */
    @Override
    public Set<ResourceType> dependsOn() {
        return dependsOn;
    }

    /**
     * The resources looked up by the declared variables in {@code usedVariables}. Example: for
     * {@code [name, nodeZone]} a Pod provider needs Nodes only.
     */
    @Override
    public Set<ResourceType> dependsOn(Set<String> usedVariables) {
        Set<ResourceType> needed = new LinkedHashSet<>();
        sources.stream().filter(source -> source.usedBy(usedVariables)).forEach(source -> needed.addAll(source.lookups()));
        return Set.copyOf(needed);
    }

    /** Every field a declared variable reads, e.g. {@code [spec.replicas, spec.selector.matchLabels]}. */
    @Override
    public Set<String> fieldsRead() {
        return fieldsRead;
    }

    /** Whether {@link ProviderDeclaration#optionalApi()} was declared. */
    @Override
    public boolean watchesOptionalApi() {
        return optionalApi;
    }

    /**
     * A provider that extracts the declared variables. Override to read settings, and call
     * {@link #nodesFor(KubeObject, ObjectLookup)} from the provider you return. Example:
     * {@code return object -> nodesFor(object, context.lookup());}
     */
    @Override
    public LinkProvider create(ProviderContext context) {
        ObjectLookup lookup = context.lookup();
        return object -> nodesFor(object, lookup);
    }

    /**
     * The nodes {@code object} feeds under the declaration, with their variables. Example: for a
     * Deployment with uid {@code 7a1e…}, one node {@code 7a1e…;<deployment>}.
     */
    protected final List<ScopeNode> nodesFor(KubeObject object, ObjectLookup lookup) {
        if (elementList == null) {
            return List.of(ScopeNode.of(topology, nodeId.apply(object), variablesOf(object, lookup).build()));
        }
        List<Fields> elements = object.list(elementList);
        List<ScopeNode> nodes = new ArrayList<>(elements.size());
        Map<String, String> shared = null;
        for (Fields element : elements) {
            Optional<String> elementNodeId = elementId.apply(element).filter(value -> !value.isEmpty());
            if (elementNodeId.isEmpty()) {
                continue;
            }
            if (shared == null) {
                shared = variablesOf(object, lookup).build();
            }
            ObjectVariables vars = ObjectVariables.empty().putAll("", shared);
            elementSources.forEach(source -> vars.put(source.variable().name(), source.value().apply(element)));
            nodes.add(ScopeNode.of(topology, elementNodeId.get(), vars.build()));
        }
        return nodes;
    }

    private ObjectVariables variablesOf(KubeObject object, ObjectLookup lookup) {
        ObjectVariables vars = ObjectVariables.empty();
        sources.forEach(source -> source.extractor().extract(object, lookup, vars));
        return vars;
    }
}
