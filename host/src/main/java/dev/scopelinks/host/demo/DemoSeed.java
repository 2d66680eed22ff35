package dev.scopelinks.host.demo;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A small, believable cluster for the demo: a few namespaces and nodes, Deployments with their
 * ReplicaSets and running Pods, and Services in front of them. Every object gets the fields a real
 * API server would have set (uid, creation time), so links look as they would in production.
 */
public final class DemoSeed {

    private final KubernetesClient client;
    private final Random random = new Random(42);

    public DemoSeed(KubernetesClient client) {
        this.client = client;
    }

    /** Creates the demo objects and returns how many were created. */
    public int seed() {
        List<HasMetadata> objects = new ArrayList<>();
        for (String namespace : List.of("default", "shop", "monitoring")) {
            objects.add(new NamespaceBuilder().withNewMetadata().withName(namespace).withUid(uid())
                    .withCreationTimestamp(now()).endMetadata().build());
        }
        for (String node : List.of("demo-node-1", "demo-node-2")) {
            objects.add(new NodeBuilder().withNewMetadata().withName(node).withUid(uid()).withCreationTimestamp(now())
                    .withLabels(Map.of("kubernetes.io/hostname", node, "topology.kubernetes.io/zone", "demo-zone-a"))
                    .endMetadata().build());
        }
        objects.addAll(workload("shop", "web", "storefront", "nginx:1.27", 2, "demo-node-1"));
        objects.addAll(workload("shop", "checkout", "payments", "ghcr.io/example/checkout:2.4.1", 1, "demo-node-2"));
        objects.addAll(workload("monitoring", "grafana", "observability", "grafana/grafana:11.3.0", 1, "demo-node-1"));
        for (HasMetadata object : objects) {
            client.resource(object).create();
        }
        return objects.size();
    }

    private List<HasMetadata> workload(String namespace, String name, String team, String image, int replicas,
                                       String node) {
        Map<String, String> labels = Map.of("app.kubernetes.io/name", name, "app.kubernetes.io/part-of", "demo-shop",
                "team", team);
        Deployment deployment = new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withUid(uid()).withCreationTimestamp(now())
                .withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().withMatchLabels(Map.of("app.kubernetes.io/name", name)).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().withContainers(new ContainerBuilder().withName(name).withImage(image).build()).endSpec()
                .endTemplate().endSpec().build();
        String hash = HexFormat.of().formatHex(new byte[] {(byte) random.nextInt(), (byte) random.nextInt()});
        ReplicaSet replicaSet = new ReplicaSetBuilder()
                .withNewMetadata().withName(name + "-" + hash).withNamespace(namespace).withUid(uid())
                .withCreationTimestamp(now()).withLabels(labels)
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("Deployment")
                        .withName(name).withUid(deployment.getMetadata().getUid()).withController(true).build())
                .endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().withMatchLabels(Map.of("app.kubernetes.io/name", name)).endSelector().endSpec()
                .build();
        List<HasMetadata> objects = new ArrayList<>(List.of(deployment, replicaSet));
        for (int i = 0; i < replicas; i++) {
            objects.add(pod(namespace, replicaSet, labels, image, node, i));
        }
        objects.add(new ServiceBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withUid(uid()).withCreationTimestamp(now())
                .withLabels(labels).endMetadata()
                .withNewSpec().withType("ClusterIP").withClusterIP("10.96.0." + (10 + random.nextInt(200)))
                .withSelector(Map.of("app.kubernetes.io/name", name)).endSpec().build());
        return objects;
    }

    private Pod pod(String namespace, ReplicaSet owner, Map<String, String> labels, String image, String node, int index) {
        String name = owner.getMetadata().getName() + "-" + suffix();
        String container = labels.get("app.kubernetes.io/name");
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withUid(uid()).withCreationTimestamp(now())
                .withLabels(labels)
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet")
                        .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
                        .withController(true).build())
                .endMetadata()
                .withNewSpec().withNodeName(node)
                .withContainers(new ContainerBuilder().withName(container).withImage(image).build()).endSpec()
                .withNewStatus().withPhase("Running").withPodIP("10.244.1." + (10 + index + random.nextInt(200)))
                .withHostIP(node.endsWith("1") ? "192.0.2.11" : "192.0.2.12")
                .withContainerStatuses(new ContainerStatusBuilder().withName(container).withImage(image).withReady(true)
                        .withRestartCount(0).withContainerID("containerd://" + HexFormat.of().formatHex(bytes(32)))
                        .build())
                .endStatus().build();
    }

    private String uid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private String suffix() {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return suffix.toString();
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
