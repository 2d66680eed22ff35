package dev.scopelinks.providers.hosts;

import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.LinkProvider;
import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.spi.ObjectVariables;
import dev.scopelinks.spi.ProviderContext;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeNode;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;
import dev.scopelinks.spi.Variable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Links for Scope's {@code Host} nodes, from Kubernetes Nodes. Scope's probe names its host after
 * the machine's host name, which Scope's stock manifests set to the Node's name, so the node id is
 * {@code <node name>;<host>}. On a cluster whose probes report other host names these links land
 * on nodes Scope does not draw; keep the stock {@code SCOPE_HOSTNAME} setting.
 *
 * <p>Variables: {@code name}, {@code uid}, {@code kind}, {@code labels.<key>},
 * {@code annotations.<key>} and
 * <ul>
 *   <li>{@code internalIP}, {@code externalIP}, {@code hostname}: the Node's addresses of that type
 *       ({@code status.addresses}), e.g. {@code 10.0.1.17};</li>
 *   <li>{@code zone}, {@code region}: the {@code topology.kubernetes.io/zone} and {@code /region}
 *       labels (or their deprecated {@code failure-domain.beta} forms), e.g. {@code eu-west-1a};</li>
 *   <li>{@code instanceType}: the {@code node.kubernetes.io/instance-type} label, e.g. {@code m5.large};</li>
 *   <li>{@code providerID}: {@code spec.providerID}, e.g. {@code aws:///eu-west-1a/i-0abc123};</li>
 *   <li>{@code instanceID}: the last path segment of the provider id, e.g. {@code i-0abc123};</li>
 *   <li>{@code kubeletVersion}, {@code osImage}, {@code kernelVersion}, {@code architecture},
 *       {@code containerRuntimeVersion}: from {@code status.nodeInfo}.</li>
 * </ul>
 */
public final class HostLinkProviderFactory implements LinkProviderFactory {

    /** Nodes in the core group. */
    public static final ResourceType NODES = ResourceType.clusterScoped("", "v1", "nodes", "Node");

    private static final List<Variable> VARIABLES = List.of(
            new Variable("name", "the Node's name, which is Scope's host name", "worker-3"),
            new Variable("uid", "the Node's uid (metadata.uid)", "0b6c6a3e-1111-4a2b-9c1d-000000000009"),
            new Variable("kind", "the object's kind", "Node"),
            new Variable("labels.<key>", "the value of the Node's label <key>, e.g. labels.kubernetes.io/os",
                    "linux"),
            new Variable("annotations.<key>", "the value of the Node's annotation <key>", "team-a"),
            new Variable("internalIP", "the Node's InternalIP address (status.addresses)", "10.0.1.17"),
            new Variable("externalIP", "the Node's ExternalIP address (status.addresses)", "203.0.113.7"),
            new Variable("hostname", "the Node's Hostname address (status.addresses)", "ip-10-0-1-17"),
            new Variable("zone", "the Node's zone (label topology.kubernetes.io/zone)", "eu-west-1a"),
            new Variable("region", "the Node's region (label topology.kubernetes.io/region)", "eu-west-1"),
            new Variable("instanceType", "the machine type (label node.kubernetes.io/instance-type)", "m5.large"),
            new Variable("providerID", "the cloud provider's id of the machine (spec.providerID)",
                    "aws:///eu-west-1a/i-0abc123"),
            new Variable("instanceID", "the last path segment of spec.providerID", "i-0abc123"),
            new Variable("kubeletVersion", "the kubelet's version (status.nodeInfo.kubeletVersion)", "v1.29.4"),
            new Variable("osImage", "the operating system image (status.nodeInfo.osImage)", "Ubuntu 22.04.4 LTS"),
            new Variable("kernelVersion", "the kernel version (status.nodeInfo.kernelVersion)", "6.5.0-1020-aws"),
            new Variable("architecture", "the CPU architecture (status.nodeInfo.architecture)", "amd64"),
            new Variable("containerRuntimeVersion", "the container runtime (status.nodeInfo.containerRuntimeVersion)",
                    "containerd://1.7.13"));

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return "Host";
    }

    @Override
    public ResourceType watches() {
        return NODES;
    }

    @Override
    public ScopeTopology topology() {
        return ScopeTopology.HOST;
    }

    @Override
    public List<Variable> variables() {
        return VARIABLES;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of("status.addresses", "spec.providerID", "status.nodeInfo",
                "metadata.labels.topology.kubernetes.io/zone", "metadata.labels.failure-domain.beta.kubernetes.io/zone",
                "metadata.labels.topology.kubernetes.io/region", "metadata.labels.failure-domain.beta.kubernetes.io/region",
                "metadata.labels.node.kubernetes.io/instance-type", "metadata.labels.beta.kubernetes.io/instance-type");
    }

    @Override
    public LinkProvider create(ProviderContext context) {
        return HostLinkProviderFactory::nodes;
    }

    private static List<ScopeNode> nodes(KubeObject node) {
        Map<String, String> labels = node.labels();
        Optional<String> providerId = node.field("spec.providerID");
        ObjectVariables vars = ObjectVariables.empty()
                .put("name", node.name())
                .put("uid", node.uid())
                .put("kind", node.kind())
                .putAll("labels.", labels)
                .putAll("annotations.", node.annotations())
                .put("internalIP", address(node, "InternalIP"))
                .put("externalIP", address(node, "ExternalIP"))
                .put("hostname", address(node, "Hostname"))
                .put("zone", label(labels, "topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone"))
                .put("region", label(labels, "topology.kubernetes.io/region",
                        "failure-domain.beta.kubernetes.io/region"))
                .put("instanceType", label(labels, "node.kubernetes.io/instance-type",
                        "beta.kubernetes.io/instance-type"))
                .put("providerID", providerId)
                .put("instanceID", providerId.map(id -> id.substring(id.lastIndexOf('/') + 1)))
                .put("kubeletVersion", node.field("status.nodeInfo.kubeletVersion"))
                .put("osImage", node.field("status.nodeInfo.osImage"))
                .put("kernelVersion", node.field("status.nodeInfo.kernelVersion"))
                .put("architecture", node.field("status.nodeInfo.architecture"))
                .put("containerRuntimeVersion", node.field("status.nodeInfo.containerRuntimeVersion"));
        return List.of(ScopeNode.of(ScopeTopology.HOST, node.name(), vars.build()));
    }

    private static Optional<String> address(KubeObject node, String type) {
        return node.list("status.addresses").stream()
                .filter(address -> address.field("type").filter(type::equals).isPresent())
                .map(address -> address.field("address"))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The first label present, so both the current and the deprecated well-known keys work. */
    private static String label(Map<String, String> labels, String key, String deprecatedKey) {
        return labels.getOrDefault(key, labels.get(deprecatedKey));
    }
}
