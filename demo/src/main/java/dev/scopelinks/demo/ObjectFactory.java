package dev.scopelinks.demo;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Builds believable objects of every kind Scope draws, with the fields a real cluster would have
 * filled in: owner chains (Deployment → ReplicaSet → Pod, StatefulSet/DaemonSet/Job → Pod,
 * CronJob → Job), and Pods that are running on a Node with IPs and container IDs. Deterministic
 * for a given {@link Random}, so demos and benchmarks see the same cluster every time.
 */
final class ObjectFactory {

    private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final Random random;
    private final String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    private int podIps;

    ObjectFactory(Random random) {
        this.random = random;
    }

    /** A Node's name and address, so Pods can say where they run. */
    record NodeRef(String name, String internalIp) {
    }

    Namespace namespace(String name, Map<String, String> labels) {
        return new NamespaceBuilder().withMetadata(meta(name, null, labels)).withNewStatus().withPhase("Active")
                .endStatus().build();
    }

    Node node(NodeRef node, String zone) {
        return new NodeBuilder().withMetadata(meta(node.name(), null, Map.of("kubernetes.io/hostname", node.name(),
                        "kubernetes.io/os", "linux", "topology.kubernetes.io/zone", zone,
                        "node-role.kubernetes.io/worker", "")))
                .withNewSpec().withPodCIDR("10.244." + (node.internalIp().hashCode() & 0x7f) + ".0/24").endSpec()
                .withNewStatus()
                .addNewAddress().withType("InternalIP").withAddress(node.internalIp()).endAddress()
                .addNewAddress().withType("Hostname").withAddress(node.name()).endAddress()
                .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
                .withLastHeartbeatTime(now).withLastTransitionTime(now).endCondition()
                .withCapacity(Map.of("cpu", new Quantity("8"), "memory", new Quantity("32Gi"), "pods",
                        new Quantity("110")))
                .withNewNodeInfo().withKubeletVersion("v1.32.0").withContainerRuntimeVersion("containerd://1.7.24")
                .withOsImage("Ubuntu 24.04.1 LTS").withKernelVersion("6.8.0-49-generic").withOperatingSystem("linux")
                .withArchitecture("amd64").withMachineID(hex(16)).withSystemUUID(uid()).withBootID(uid())
                .withKubeProxyVersion("v1.32.0").endNodeInfo()
                .endStatus().build();
    }

    /** A Deployment, its current ReplicaSet and its running Pods. */
    List<HasMetadata> deployment(String namespace, String name, Map<String, String> labels, String image, int replicas,
                                 List<NodeRef> nodes) {
        Deployment deployment = new DeploymentBuilder().withMetadata(meta(name, namespace, labels))
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().withMatchLabels(selector(name)).endSelector()
                .withTemplate(template(name, labels, image)).endSpec()
                .withNewStatus().withReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas)
                .withUpdatedReplicas(replicas).withObservedGeneration(1L).endStatus().build();
        String hash = hex(5).substring(0, 10);
        Map<String, String> podLabels = new LinkedHashMap<>(labels);
        podLabels.put("pod-template-hash", hash);
        ReplicaSet replicaSet = new ReplicaSetBuilder()
                .withMetadata(owned(meta(name + "-" + hash, namespace, podLabels), deployment, "apps/v1"))
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().withMatchLabels(selector(name)).endSelector()
                .withTemplate(template(name, podLabels, image)).endSpec()
                .withNewStatus().withReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas)
                .endStatus().build();
        List<HasMetadata> objects = new ArrayList<>(List.of(deployment, replicaSet));
        for (int i = 0; i < replicas; i++) {
            objects.add(pod(replicaSet.getMetadata().getName() + "-" + suffix(), replicaSet, "apps/v1", podLabels,
                    image, nodes.get(random.nextInt(nodes.size()))));
        }
        return objects;
    }

    /** A StatefulSet with its Pods ({@code name-0}, {@code name-1}, ...) and one claim per Pod. */
    List<HasMetadata> statefulSet(String namespace, String name, Map<String, String> labels, String image,
                                  int replicas, List<NodeRef> nodes, String storageClass) {
        StatefulSet set = new StatefulSetBuilder().withMetadata(meta(name, namespace, labels))
                .withNewSpec().withReplicas(replicas).withServiceName(name)
                .withNewSelector().withMatchLabels(selector(name)).endSelector()
                .withTemplate(template(name, labels, image)).endSpec()
                .withNewStatus().withReplicas(replicas).withReadyReplicas(replicas).withCurrentReplicas(replicas)
                .endStatus().build();
        List<HasMetadata> objects = new ArrayList<>(List.of(set));
        for (int i = 0; i < replicas; i++) {
            PersistentVolume volume = persistentVolume("pvc-" + uid(), storageClass);
            PersistentVolumeClaim claim = claim(namespace, "data-" + name + "-" + i, labels, storageClass, volume);
            volume.getSpec().setClaimRef(new ObjectReferenceBuilder()
                    .withKind("PersistentVolumeClaim").withNamespace(namespace).withName(claim.getMetadata().getName())
                    .withUid(claim.getMetadata().getUid()).build());
            objects.add(volume);
            objects.add(claim);
            objects.add(pod(name + "-" + i, set, "apps/v1", labels, image, nodes.get(i % nodes.size())));
        }
        return objects;
    }

    /** A DaemonSet with one Pod on every node. */
    List<HasMetadata> daemonSet(String namespace, String name, Map<String, String> labels, String image,
                                List<NodeRef> nodes) {
        DaemonSet set = new DaemonSetBuilder().withMetadata(meta(name, namespace, labels))
                .withNewSpec().withNewSelector().withMatchLabels(selector(name)).endSelector()
                .withTemplate(template(name, labels, image)).endSpec()
                .withNewStatus().withDesiredNumberScheduled(nodes.size()).withCurrentNumberScheduled(nodes.size())
                .withNumberReady(nodes.size()).withNumberAvailable(nodes.size()).endStatus().build();
        List<HasMetadata> objects = new ArrayList<>(List.of(set));
        for (NodeRef node : nodes) {
            objects.add(pod(name + "-" + suffix(), set, "apps/v1", labels, image, node));
        }
        return objects;
    }

    /** A CronJob and the Job it last started, with that Job's Pod. */
    List<HasMetadata> cronJob(String namespace, String name, Map<String, String> labels, String image,
                              String schedule, List<NodeRef> nodes) {
        CronJob cronJob = new CronJobBuilder().withMetadata(meta(name, namespace, labels))
                .withNewSpec().withSchedule(schedule).withSuspend(false)
                .withNewJobTemplate().withNewSpec().withTemplate(jobTemplate(name, labels, image)).endSpec()
                .endJobTemplate().endSpec()
                .withNewStatus().withLastScheduleTime(now).endStatus().build();
        List<HasMetadata> objects = new ArrayList<>(List.of(cronJob));
        objects.addAll(job(namespace, name + "-" + (29_000_000 + random.nextInt(1_000_000)), labels, image, nodes,
                cronJob));
        return objects;
    }

    /** A Job (owned by {@code owner} when a CronJob started it) and its Pod. */
    List<HasMetadata> job(String namespace, String name, Map<String, String> labels, String image, List<NodeRef> nodes,
                          HasMetadata owner) {
        ObjectMeta metadata = meta(name, namespace, labels);
        if (owner != null) {
            metadata = owned(metadata, owner, "batch/v1");
        }
        Job job = new JobBuilder().withMetadata(metadata)
                .withNewSpec().withCompletions(1).withParallelism(1).withBackoffLimit(6)
                .withTemplate(jobTemplate(name, labels, image)).endSpec()
                .withNewStatus().withActive(1).withStartTime(now).endStatus().build();
        Map<String, String> podLabels = new LinkedHashMap<>(labels);
        podLabels.put("job-name", name);
        return List.of(job, pod(name + "-" + suffix(), job, "batch/v1", podLabels, image,
                nodes.get(random.nextInt(nodes.size()))));
    }

    Service service(String namespace, String name, Map<String, String> labels, int port) {
        return new ServiceBuilder().withMetadata(meta(name, namespace, labels))
                .withNewSpec().withType("ClusterIP").withClusterIP(clusterIp()).withClusterIPs(List.of())
                .withSelector(selector(name))
                .addNewPort().withName("http").withProtocol("TCP").withPort(port)
                .withNewTargetPort(8080).endPort().endSpec().build();
    }

    StorageClass storageClass(String name, boolean isDefault) {
        ObjectMeta metadata = meta(name, null, Map.of());
        if (isDefault) {
            metadata.setAnnotations(Map.of("storageclass.kubernetes.io/is-default-class", "true"));
        }
        return new StorageClassBuilder().withMetadata(metadata).withProvisioner("rancher.io/local-path")
                .withReclaimPolicy("Delete").withVolumeBindingMode("WaitForFirstConsumer").build();
    }

    PersistentVolume persistentVolume(String name, String storageClass) {
        return new PersistentVolumeBuilder().withMetadata(meta(name, null, Map.of()))
                .withNewSpec().withCapacity(Map.of("storage", new Quantity("10Gi")))
                .withAccessModes("ReadWriteOnce").withStorageClassName(storageClass)
                .withPersistentVolumeReclaimPolicy("Delete")
                .withNewHostPath().withPath("/var/lib/demo-volumes/" + name).endHostPath().endSpec()
                .withNewStatus().withPhase("Bound").endStatus().build();
    }

    PersistentVolumeClaim claim(String namespace, String name, Map<String, String> labels, String storageClass,
                                PersistentVolume volume) {
        return new PersistentVolumeClaimBuilder().withMetadata(meta(name, namespace, labels))
                .withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName(storageClass)
                .withVolumeName(volume.getMetadata().getName())
                .withNewResources().withRequests(Map.of("storage", new Quantity("10Gi"))).endResources().endSpec()
                .withNewStatus().withPhase("Bound").withCapacity(Map.of("storage", new Quantity("10Gi")))
                .withAccessModes("ReadWriteOnce").endStatus().build();
    }

    /** A running Pod owned by {@code owner}, on {@code node}, with an IP and a container ID. */
    Pod pod(String name, HasMetadata owner, String ownerApiVersion, Map<String, String> labels, String image,
            NodeRef node) {
        String container = container(image);
        return new PodBuilder().withMetadata(owned(meta(name, owner.getMetadata().getNamespace(), labels), owner,
                        ownerApiVersion))
                .withSpec(podSpec(container, image, node.name()))
                .withNewStatus().withPhase("Running").withPodIP(podIp()).withHostIP(node.internalIp())
                .addNewPodIP().withIp(podIp(podIps)).endPodIP()
                .withStartTime(now).withQosClass("BestEffort")
                .addNewCondition().withType("Ready").withStatus("True").withLastTransitionTime(now).endCondition()
                .addNewCondition().withType("PodScheduled").withStatus("True").withLastTransitionTime(now)
                .endCondition()
                .withContainerStatuses(new ContainerStatusBuilder().withName(container).withImage(image)
                        .withImageID("docker.io/library/" + container + "@sha256:" + hex(32))
                        .withContainerID("containerd://" + hex(32)).withReady(true).withStarted(true)
                        .withRestartCount(0).withNewState().withNewRunning().withStartedAt(now).endRunning()
                        .endState().build())
                .endStatus().build();
    }

    String uid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    String suffix() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        return suffix.toString();
    }

    private ObjectMeta meta(String name, String namespace, Map<String, String> labels) {
        return new ObjectMetaBuilder().withName(name).withNamespace(namespace).withUid(uid())
                .withCreationTimestamp(now).withLabels(new LinkedHashMap<>(labels)).build();
    }

    private static ObjectMeta owned(ObjectMeta metadata, HasMetadata owner, String apiVersion) {
        OwnerReference reference = new OwnerReferenceBuilder().withApiVersion(apiVersion).withKind(owner.getKind())
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).withController(true)
                .withBlockOwnerDeletion(true).build();
        metadata.setOwnerReferences(List.of(reference));
        return metadata;
    }

    private PodTemplateSpec template(String name, Map<String, String> labels, String image) {
        return new PodTemplateSpecBuilder().withNewMetadata().withLabels(new LinkedHashMap<>(labels)).endMetadata()
                .withSpec(podSpec(container(image), image, null)).build();
    }

    private PodTemplateSpec jobTemplate(String name, Map<String, String> labels, String image) {
        PodTemplateSpec template = template(name, labels, image);
        template.getSpec().setRestartPolicy("OnFailure");
        return template;
    }

    private static PodSpec podSpec(String container, String image, String node) {
        return new PodSpecBuilder().withNodeName(node)
                .withContainers(new ContainerBuilder().withName(container).withImage(image)
                        .withImagePullPolicy("IfNotPresent").addNewPort().withContainerPort(8080)
                        .withProtocol("TCP").endPort().build())
                .withRestartPolicy("Always").withDnsPolicy("ClusterFirst").withServiceAccountName("default").build();
    }

    private static Map<String, String> selector(String name) {
        return Map.of("app.kubernetes.io/name", name);
    }

    private static String container(String image) {
        String repository = image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image;
        return repository.substring(repository.lastIndexOf('/') + 1);
    }

    private String podIp() {
        return podIp(++podIps);
    }

    private static String podIp(int index) {
        return "10.244." + (index / 250) % 250 + "." + (2 + index % 250);
    }

    private String clusterIp() {
        return "10.96." + random.nextInt(250) + "." + (2 + random.nextInt(250));
    }

    private String hex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
