package dev.scopelinks.spi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Everything a typical provider says about its kind, written once per variable: each call below
 * declares a variable together with its documentation, the fields it reads (so the host caches
 * them) and the resources it looks up (so the host watches them only when a template uses it),
 * and says how its value is taken from an object. {@link DeclaredLinkProviderFactory} turns a
 * declaration into {@link LinkProviderFactory#variables()}, {@link LinkProviderFactory#fieldsRead()},
 * {@link LinkProviderFactory#dependsOn(Set)} and the {@link LinkProvider} itself, so these can
 * never disagree.
 *
 * <p>Example: the whole Deployment provider.
 * <pre>{@code
 * public final class DeploymentLinkProviderFactory extends DeclaredLinkProviderFactory {
 *     public static final ResourceType DEPLOYMENTS = ResourceType.namespaced("apps", "v1", "deployments", "Deployment");
 *
 *     public DeploymentLinkProviderFactory() {
 *         super(ProviderDeclaration.of(SpiVersion.CURRENT, "Deployment", DEPLOYMENTS, ScopeTopology.DEPLOYMENT)
 *                 .standardVariables()
 *                 .field("replicas", "spec.replicas", "desired number of replicas", "3")
 *                 .selector("selector", "spec.selector.matchLabels", "the pod selector's match labels",
 *                         "app=web,tier=frontend", "web"));
 *     }
 * }
 * }</pre>
 *
 * <p>By default an object feeds one node whose id is its uid; {@link #nodeId} and
 * {@link #nodePerElement} change that. A declaration is filled in once, in the factory's
 * constructor; the factory keeps a copy, so later calls on it change nothing.
 */
public final class ProviderDeclaration {

    /** Nodes in the core group, looked up for {@link #nodeZone}. */
    public static final ResourceType NODES = ResourceType.clusterScoped("", "v1", "nodes", "Node");

    /** The label holding a Node's zone, and the deprecated one older clusters set instead. */
    private static final String ZONE = "topology.kubernetes.io/zone";
    private static final String DEPRECATED_ZONE = "failure-domain.beta.kubernetes.io/zone";

    final int spiVersion;
    final String id;
    final ResourceType watches;
    final ScopeTopology topology;
    final List<Source> sources = new ArrayList<>();
    final List<ElementSource> elementSources = new ArrayList<>();
    final List<Variable> variables = new ArrayList<>();
    Function<KubeObject, String> nodeId = KubeObject::uid;
    String elementList;
    Function<Fields, Optional<String>> elementId;
    boolean optionalApi;

    private ProviderDeclaration(int spiVersion, String id, ResourceType watches, ScopeTopology topology) {
        this.spiVersion = spiVersion;
        this.id = Objects.requireNonNull(id, "id");
        this.watches = Objects.requireNonNull(watches, "watches");
        this.topology = Objects.requireNonNull(topology, "topology");
    }

    /**
     * Starts a declaration. Pass {@link SpiVersion#CURRENT}: being a compile-time constant, it is
     * copied into the provider's own class, so the host learns which API version the provider was
     * built against. Example:
     * {@code ProviderDeclaration.of(SpiVersion.CURRENT, "Namespace", NAMESPACES, ScopeTopology.NAMESPACE)}.
     *
     * @param spiVersion {@link SpiVersion#CURRENT}
     * @param id         the provider id operators write under {@code providers:}
     * @param watches    the resource whose objects feed nodes
     * @param topology   the Scope topology the nodes belong to
     */
    public static ProviderDeclaration of(int spiVersion, String id, ResourceType watches, ScopeTopology topology) {
        return new ProviderDeclaration(spiVersion, id, watches, topology);
    }

    /**
     * Offers {@link ObjectVariables#STANDARD}: {@code name}, {@code namespace}, {@code uid},
     * {@code kind}, {@code labels.<key>}, {@code annotations.<key>}. Example:
     * {@code .standardVariables()}.
     */
    public ProviderDeclaration standardVariables() {
        return add(ObjectVariables.STANDARD, Set.of(), Set.of(), (object, lookup, vars) -> vars.putStandard(object));
    }

    /**
     * Offers the scalar at {@code path} as {@code name}; the docs show the path after the
     * description. Example: {@code .field("replicas", "spec.replicas", "desired number of replicas", "3")}
     * gives {@code replicas=3} and caches {@code spec.replicas}.
     */
    public ProviderDeclaration field(String name, String path, String description, String example) {
        return field(name, path, description, example, UnaryOperator.identity());
    }

    /**
     * Like {@link #field(String, String, String, String)}, passing a present value through
     * {@code map} first; a {@code null} from it leaves the variable out. Example, for a cluster
     * IP that headless Services set to {@code None}:
     * {@code .field("clusterIP", "spec.clusterIP", "the cluster IP", "10.96.0.12", ip -> ip.equals("None") ? null : ip)}.
     */
    public ProviderDeclaration field(String name, String path, String description, String example,
                                     UnaryOperator<String> map) {
        Objects.requireNonNull(map, "map");
        return add(List.of(Variable.of(name, description + " (" + path + ")", example)), Set.of(path), Set.of(),
                (object, lookup, vars) -> vars.put(name, object.field(path).map(map).orElse(null)));
    }

    /**
     * Offers the label map at {@code path} as a label query and per key (see
     * {@link ObjectVariables#putSelector}). Example:
     * {@code .selector("selector", "spec.selector.matchLabels", "the pod selector's match labels", "app=web", "web")}
     * gives {@code selector=app=web} and {@code selector.app=web}.
     *
     * @param what       what the labels are, for the docs
     * @param example    a sample query, e.g. {@code app=web,tier=frontend}
     * @param keyExample a sample value of one label, e.g. {@code web}
     */
    public ProviderDeclaration selector(String name, String path, String what, String example, String keyExample) {
        return add(List.of(Variable.of(name, what + " as key=value pairs, sorted and joined by commas (" + path + ")",
                        example),
                Variable.of(name + ".<key>", "the value of label <key> in " + what, keyExample)),
                Set.of(path), Set.of(), (object, lookup, vars) -> vars.putSelector(name, object.map(path)));
    }

    /**
     * Offers a value computed from the object's name, namespace, uid, kind or owners, reading no
     * other field. A value that reads a label or an annotation uses {@link #label} or names it in
     * the other {@code computed}, as {@code "metadata.annotations.<key>"}: the host keeps only the
     * labels and annotations somebody reads. Example:
     * {@code .computed("podName", "the Pod's name", "web-1", KubeObject::name)}.
     */
    public ProviderDeclaration computed(String name, String description, String example,
                                        Function<KubeObject, String> value) {
        return computed(name, description, example, Set.of(), value);
    }

    /**
     * Offers a value computed from the object, which reads the fields {@code reads} (a label or
     * annotation as {@code "metadata.labels.<key>"}, {@code "metadata.annotations.<key>"}). Example:
     * {@code .computed("internalIP", "the InternalIP address", "10.0.1.17", Set.of("status.addresses"),
     * node -> address(node, "InternalIP"))}.
     */
    public ProviderDeclaration computed(String name, String description, String example, Set<String> reads,
                                        Function<KubeObject, String> value) {
        Objects.requireNonNull(value, "value");
        return add(List.of(Variable.of(name, description, example)), reads, Set.of(),
                (object, lookup, vars) -> vars.put(name, value.apply(object)));
    }

    /**
     * Offers a value that needs another watched object, found through {@link ObjectLookup}. The
     * host watches {@code lookups} only when a template uses {@code name}. Example:
     * {@code .lookedUp("pvName", "the bound volume", "pvc-1", Set.of("spec.volumeName"), Set.of(PVS),
     * (claim, lookup) -> …)}.
     */
    public ProviderDeclaration lookedUp(String name, String description, String example, Set<String> reads,
                                        Set<ResourceType> lookups,
                                        BiFunction<KubeObject, ObjectLookup, Optional<String>> value) {
        Objects.requireNonNull(value, "value");
        return add(List.of(Variable.of(name, description, example)), reads, lookups,
                (object, lookup, vars) -> vars.put(name, value.apply(object, lookup)));
    }

    /**
     * Offers a family {@code prefix.<key>} from a map the object gives. Example, for a Node:
     * {@code .family("labels", "the value of the Node's label <key>", "linux", KubeObject::labels)}.
     */
    public ProviderDeclaration family(String prefix, String description, String example,
                                      Function<KubeObject, Map<String, String>> entries) {
        Objects.requireNonNull(entries, "entries");
        return add(List.of(Variable.of(prefix + ".<key>", description, example)), Set.of(), Set.of(),
                (object, lookup, vars) -> vars.putAll(prefix + ".", entries.apply(object)));
    }

    /**
     * Offers {@code ownerKind} and {@code ownerName}: the object's controlling owner (see
     * {@link OwnerChain#controller}). Example, for a Pod: {@code .owner("ReplicaSet", "web-7d4f8b")}.
     */
    public ProviderDeclaration owner(String kindExample, String nameExample) {
        String kind = watches.kind();
        return add(List.of(Variable.of("ownerKind", "the kind of the " + kind + "'s controlling owner", kindExample),
                Variable.of("ownerName", "the name of the " + kind + "'s controlling owner", nameExample)),
                Set.of(), Set.of(), (object, lookup, vars) -> {
                    Optional<OwnerReference> owner = OwnerChain.controller(object);
                    vars.put("ownerKind", owner.map(OwnerReference::kind)).put("ownerName", owner.map(OwnerReference::name));
                });
    }

    /**
     * Offers {@code workloadKind} and {@code workloadName}: the workload behind the object's owner,
     * one step up from a ReplicaSet (to its Deployment) or a Job (to its CronJob), as
     * {@link OwnerChain#workload} finds it. The host watches ReplicaSets and Jobs only when a
     * template uses one of the two. Example: {@code .workload()} gives {@code Deployment} and {@code web}.
     */
    public ProviderDeclaration workload() {
        String kind = watches.kind();
        return add(List.of(Variable.of("workloadKind", "the kind of the workload that manages the " + kind
                        + ": the owner's own owner for a ReplicaSet or Job (Deployment, CronJob), else the owner",
                        "Deployment"),
                Variable.of("workloadName", "the name of that workload", "web")),
                Set.of(), Set.of(OwnerChain.REPLICA_SETS, OwnerChain.JOBS), (object, lookup, vars) -> {
                    Optional<OwnerReference> workload = OwnerChain.workload(object, lookup);
                    vars.put("workloadKind", workload.map(OwnerReference::kind))
                            .put("workloadName", workload.map(OwnerReference::name));
                });
    }

    /**
     * Offers {@code nodeZone}: the zone label of the Node named at {@code nodeNamePath}, looked up
     * in the host's cache of Nodes, which it watches only when a template uses the variable.
     * Example, for a Pod: {@code .nodeZone("spec.nodeName")} gives {@code eu-west-1a}.
     */
    public ProviderDeclaration nodeZone(String nodeNamePath) {
        return add(List.of(Variable.of("nodeZone", "the zone of the " + watches.kind() + "'s Node (its label "
                        + ZONE + ")", "eu-west-1a")), Set.of(nodeNamePath), Set.of(NODES),
                (object, lookup, vars) -> vars.put("nodeZone", object.field(nodeNamePath)
                        .flatMap(node -> lookup.byName(NODES, "", node))
                        .map(node -> label(node.labels(), ZONE, DEPRECATED_ZONE))));
    }

    /**
     * Offers the value of the object's label {@code key}, or of {@code deprecatedKey} when only that
     * is set. Example:
     * {@code .label("zone", "the Node's zone", "eu-west-1a", "topology.kubernetes.io/zone",
     * "failure-domain.beta.kubernetes.io/zone")}.
     */
    public ProviderDeclaration label(String name, String description, String example, String key,
                                     String deprecatedKey) {
        return computed(name, description + " (label " + key + ")", example,
                Set.of("metadata.labels." + key, "metadata.labels." + deprecatedKey),
                object -> label(object.labels(), key, deprecatedKey));
    }

    /**
     * The value of label {@code key}, or of {@code deprecatedKey} when only that is set, so both the
     * current and the deprecated well-known labels work. Example:
     * {@code label(node.labels(), "topology.kubernetes.io/region", "failure-domain.beta.kubernetes.io/region")}.
     */
    public static String label(Map<String, String> labels, String key, String deprecatedKey) {
        return labels.getOrDefault(key, labels.get(deprecatedKey));
    }

    /**
     * Takes the node id from {@code id} instead of the uid. Example, for Scope's hosts, named
     * after the Node: {@code .nodeId(KubeObject::name)}.
     */
    public ProviderDeclaration nodeId(Function<KubeObject, String> id) {
        this.nodeId = Objects.requireNonNull(id, "id");
        return this;
    }

    /**
     * Feeds one node per element of the list at {@code listPath} instead of one per object: the
     * element's id comes from {@code id}, and an element without one feeds no node. Every node has
     * the object's variables and those declared with {@link #elementField} and
     * {@link #elementComputed}. Example, for the containers of a Pod:
     * {@code .nodePerElement("status.containerStatuses", status -> status.field("containerID"))}.
     */
    public ProviderDeclaration nodePerElement(String listPath, Function<Fields, Optional<String>> id) {
        this.elementList = Objects.requireNonNull(listPath, "listPath");
        this.elementId = Objects.requireNonNull(id, "id");
        return this;
    }

    /**
     * With {@link #nodePerElement}: offers the scalar at {@code path} of each element. Example:
     * {@code .elementField("image", "image", "the image the container runs", "nginx:1.27")}.
     */
    public ProviderDeclaration elementField(String name, String path, String description, String example) {
        return elementComputed(name, description, example, element -> element.field(path).orElse(null));
    }

    /**
     * With {@link #nodePerElement}: offers a value computed from each element. Example:
     * {@code .elementComputed("runtime", "the container runtime", "containerd", status -> runtime(status))}.
     */
    public ProviderDeclaration elementComputed(String name, String description, String example,
                                               Function<Fields, String> value) {
        Objects.requireNonNull(value, "value");
        Variable variable = Variable.of(name, description, example);
        variables.add(variable);
        elementSources.add(new ElementSource(variable, value));
        return this;
    }

    /**
     * Declares that the cluster may not serve the watched API (a CRD, or a retired API version);
     * see {@link LinkProviderFactory#watchesOptionalApi()}. Example: {@code .optionalApi()}.
     */
    public ProviderDeclaration optionalApi() {
        this.optionalApi = true;
        return this;
    }

    private ProviderDeclaration add(List<Variable> declared, Set<String> reads, Set<ResourceType> lookups,
                                    Extractor extractor) {
        variables.addAll(declared);
        sources.add(new Source(List.copyOf(declared), Set.copyOf(reads), Set.copyOf(lookups), extractor));
        return this;
    }

    /** Every field any declaration reads, in declaration order. */
    Set<String> fieldsRead() {
        Set<String> fields = new LinkedHashSet<>();
        sources.forEach(source -> fields.addAll(source.reads()));
        if (elementList != null) {
            fields.add(elementList);
        }
        return fields;
    }

    /** Puts one group of variables of an object. */
    @FunctionalInterface
    interface Extractor {
        void extract(KubeObject object, ObjectLookup lookup, ObjectVariables into);
    }

    /** One declaration: the variables it offers, what it reads and looks up, and how it extracts them. */
    record Source(List<Variable> variables, Set<String> reads, Set<ResourceType> lookups, Extractor extractor) {

        boolean usedBy(Set<String> usedVariables) {
            return usedVariables.stream().anyMatch(used -> variables.stream().anyMatch(v -> v.matches(used)));
        }
    }

    /** One per-element variable and how it is taken from an element. */
    record ElementSource(Variable variable, Function<Fields, String> value) {
    }
}
