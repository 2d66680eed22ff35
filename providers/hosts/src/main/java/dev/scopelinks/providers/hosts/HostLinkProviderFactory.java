package dev.scopelinks.providers.hosts;

import dev.scopelinks.spi.DeclaredLinkProviderFactory;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.ProviderDeclaration;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;
import java.util.Optional;
import java.util.Set;

/**
 * Links for Scope's {@code Host} nodes, from Kubernetes Nodes. Scope's probe names its host after
 * the machine's host name, which Scope's stock manifests set to the Node's name, so the node id is
 * {@code <node name>;<host>}. On a cluster whose probes report other host names these links land
 * on nodes Scope does not draw; keep the stock {@code SCOPE_HOSTNAME} setting. The variables are
 * listed in {@code docs/variables.md}, generated from the declaration below.
 */
public final class HostLinkProviderFactory extends DeclaredLinkProviderFactory {

    /** Nodes in the core group. */
    public static final ResourceType NODES = ProviderDeclaration.NODES;

    private static final String ADDRESSES = "status.addresses";
    private static final String INFO = "status.nodeInfo.";

    public HostLinkProviderFactory() {
        super(ProviderDeclaration.of(SpiVersion.CURRENT, "Host", NODES, ScopeTopology.HOST)
                .nodeId(KubeObject::name)
                .computed("name", "the Node's name, which is Scope's host name", "worker-3", KubeObject::name)
                .computed("uid", "the Node's uid (metadata.uid)", "0b6c6a3e-1111-4a2b-9c1d-000000000009", KubeObject::uid)
                .computed("kind", "the object's kind", "Node", KubeObject::kind)
                .family("labels", "the value of the Node's label <key>, e.g. labels.kubernetes.io/os", "linux",
                        KubeObject::labels)
                .family("annotations", "the value of the Node's annotation <key>", "team-a", KubeObject::annotations)
                .computed("internalIP", "the Node's InternalIP address (status.addresses)", "10.0.1.17",
                        Set.of(ADDRESSES), node -> address(node, "InternalIP"))
                .computed("externalIP", "the Node's ExternalIP address (status.addresses)", "203.0.113.7",
                        Set.of(ADDRESSES), node -> address(node, "ExternalIP"))
                .computed("hostname", "the Node's Hostname address (status.addresses)", "ip-10-0-1-17",
                        Set.of(ADDRESSES), node -> address(node, "Hostname"))
                .label("zone", "the Node's zone", "eu-west-1a", "topology.kubernetes.io/zone",
                        "failure-domain.beta.kubernetes.io/zone")
                .label("region", "the Node's region", "eu-west-1", "topology.kubernetes.io/region",
                        "failure-domain.beta.kubernetes.io/region")
                .label("instanceType", "the machine type", "m5.large", "node.kubernetes.io/instance-type",
                        "beta.kubernetes.io/instance-type")
                .field("providerID", "spec.providerID", "the cloud provider's id of the machine",
                        "aws:///eu-west-1a/i-0abc123")
                .computed("instanceID", "the last path segment of spec.providerID", "i-0abc123", Set.of("spec.providerID"),
                        node -> node.field("spec.providerID").map(id -> id.substring(id.lastIndexOf('/') + 1)).orElse(null))
                .field("kubeletVersion", INFO + "kubeletVersion", "the kubelet's version", "v1.29.4")
                .field("osImage", INFO + "osImage", "the operating system image", "Ubuntu 22.04.4 LTS")
                .field("kernelVersion", INFO + "kernelVersion", "the kernel version", "6.5.0-1020-aws")
                .field("architecture", INFO + "architecture", "the CPU architecture", "amd64")
                .field("containerRuntimeVersion", INFO + "containerRuntimeVersion", "the container runtime",
                        "containerd://1.7.13"));
    }

    /** The first address of {@code type} in the Node's status. */
    private static String address(KubeObject node, String type) {
        return node.list(ADDRESSES).stream()
                .filter(address -> address.field("type").filter(type::equals).isPresent())
                .map(address -> address.field("address"))
                .flatMap(Optional::stream)
                .findFirst().orElse(null);
    }
}
