package dev.scopelinks.providers.containers;

import dev.scopelinks.spi.DeclaredLinkProviderFactory;
import dev.scopelinks.spi.Fields;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.ProviderDeclaration;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;
import java.util.Optional;

/**
 * Links for Scope's {@code Container} nodes, from the container statuses of Pods: one node per
 * entry of {@code status.containerStatuses} that has a container id, as
 * {@code <containerID>;<container>} with the runtime prefix ({@code docker://},
 * {@code containerd://}, {@code cri-o://}) removed. A container without an id (still being created)
 * gets no node. The variables are listed in {@code docs/variables.md}, generated from the
 * declaration below.
 *
 * <p>Scope draws containers only where its probe sees the container runtime (Docker, or CRI with
 * {@code --probe.cri}); on other clusters Scope has no Container nodes and these links are not
 * shown. The provider watches Pods and shares their watch with the {@code Pod} provider.
 */
public final class ContainerLinkProviderFactory extends DeclaredLinkProviderFactory {

    /** Pods in the core group: the same resource the Pod provider watches, so one watch serves both. */
    public static final ResourceType PODS = ResourceType.namespaced("", "v1", "pods", "Pod");

    /** Nodes in the core group, looked up for {@code nodeZone}. */
    public static final ResourceType NODES = ProviderDeclaration.NODES;

    private static final String SCHEME = "://";

    public ContainerLinkProviderFactory() {
        super(ProviderDeclaration.of(SpiVersion.CURRENT, "Container", PODS, ScopeTopology.CONTAINER)
                .nodePerElement("status.containerStatuses", ContainerLinkProviderFactory::containerId)
                .elementComputed("containerID", "the container runtime's id of the container, without the runtime "
                        + "prefix", "4f9c2a7be1d04c6f8a3e2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e",
                        status -> containerId(status).orElse(null))
                .elementComputed("runtime", "the container runtime, from the id's prefix", "containerd",
                        ContainerLinkProviderFactory::runtime)
                .elementField("containerName", "name", "the container's name in the Pod spec", "web")
                .elementField("image", "image", "the image the container runs", "nginx:1.27")
                .elementField("imageID", "imageID", "the image's digest reference", "docker.io/library/nginx@sha256:0a1b2c")
                .elementField("restartCount", "restartCount", "how often the container restarted", "2")
                .elementField("ready", "ready", "whether the container passes its readiness probe", "true")
                .computed("podName", "the Pod's name", "web-7d4f8b-x2k9p", KubeObject::name)
                .computed("podUid", "the Pod's uid", "0b6c6a3e-1111-4a2b-9c1d-000000000001", KubeObject::uid)
                .computed("namespace", "the Pod's namespace", "shop", pod -> pod.namespace().orElse(null))
                .field("nodeName", "spec.nodeName", "the Node the Pod runs on", "worker-3")
                .field("podIP", "status.podIP", "the Pod's IP address", "10.244.1.17")
                .family("labels", "the value of the Pod's label <key>", "web", KubeObject::labels)
                .family("annotations", "the value of the Pod's annotation <key>", "team-a", KubeObject::annotations)
                .owner("ReplicaSet", "web-7d4f8b")
                .workload()
                .nodeZone("spec.nodeName"));
    }

    /** The runtime's id without its {@code docker://} (or other) prefix; empty while the container is created. */
    private static Optional<String> containerId(Fields status) {
        return status.field("containerID").map(raw -> raw.contains(SCHEME) ? raw.substring(raw.indexOf(SCHEME) + 3) : raw)
                .filter(id -> !id.isBlank());
    }

    private static String runtime(Fields status) {
        return status.field("containerID").filter(raw -> raw.contains(SCHEME))
                .map(raw -> raw.substring(0, raw.indexOf(SCHEME))).orElse(null);
    }
}
