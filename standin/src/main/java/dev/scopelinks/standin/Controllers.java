package dev.scopelinks.standin;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The least of Kubernetes' controllers that makes the stand-in feel like a cluster: a Deployment
 * gets a ReplicaSet, a ReplicaSet and a Job get their Pods, and every Pod "runs" at once (phase
 * Running, ready, on a node, with a Pod IP and container ids), so {@code kubectl create deployment
 * hello --image=nginx} is followed by a running Pod, and {@code kubectl scale} or deleting a Pod is
 * answered as a cluster would. Statuses follow (READY 2/2 in {@code kubectl get deployments}).
 *
 * <p>No scheduler, no rollouts (a changed template does not make a new ReplicaSet), no Job
 * completion. It reacts to changes from the moment it starts, on one thread, through the same API
 * as every client; objects written before it started are left as they are.
 */
final class Controllers implements WatchHub.Subscriber, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Controllers.class);
    private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final String FALLBACK_NODE = "standin-node";

    private final KubernetesClient client;
    private final Random random;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "standin-controllers");
        thread.setDaemon(true);
        return thread;
    });

    Controllers(KubernetesClient client, long seed) {
        this.client = Objects.requireNonNull(client, "client");
        this.random = new Random(seed);
    }

    @Override
    public void deliver(StoredEvent event) {
        String resource = event.group() + "/" + event.plural();
        if (!resource.equals("apps/deployments") && !resource.equals("apps/replicasets")
                && !resource.equals("batch/jobs") && !resource.equals("/pods")) {
            return;
        }
        // Parsing and the API calls happen on the worker: this runs with the hub's lock held.
        worker.execute(() -> {
            try {
                react(resource, event);
            } catch (KubernetesClientException e) {
                LOG.debug("A stand-in controller step failed (the next change retries it): {}", e.toString());
            } catch (RuntimeException e) {
                LOG.warn("A stand-in controller step failed: {}", e.toString());
            }
        });
    }

    private void react(String resource, StoredEvent event) {
        JsonNode object = event.after() != null ? event.afterObject() : event.beforeObject();
        JsonNode metadata = object.path("metadata");
        String namespace = metadata.path("namespace").asText();
        String name = metadata.path("name").asText();
        switch (resource) {
            case "apps/deployments" -> {
                if (event.after() != null) {
                    reconcileDeployment(namespace, name);
                }
            }
            case "apps/replicasets" -> {
                if (event.after() != null) {
                    reconcileReplicaSet(namespace, name);
                }
            }
            case "batch/jobs" -> {
                if (event.after() != null) {
                    reconcileJob(namespace, name);
                }
            }
            default -> {
                // A Pod came, went or changed: its controller counts again.
                for (JsonNode owner : metadata.path("ownerReferences")) {
                    if (!owner.path("controller").asBoolean(false)) {
                        continue;
                    }
                    String ownerName = owner.path("name").asText();
                    switch (owner.path("kind").asText()) {
                        case "ReplicaSet" -> reconcileReplicaSet(namespace, ownerName);
                        case "Job" -> reconcileJob(namespace, ownerName);
                        default -> { }
                    }
                }
            }
        }
    }

    private void reconcileDeployment(String namespace, String name) {
        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
        if (deployment == null || deployment.getMetadata().getDeletionTimestamp() != null) {
            return;
        }
        int replicas = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
        List<ReplicaSet> owned = client.apps().replicaSets().inNamespace(namespace).list().getItems().stream()
                .filter(replicaSet -> controlledBy(replicaSet, deployment)).toList();
        if (owned.isEmpty()) {
            client.resource(newReplicaSet(deployment, replicas)).create();
            return; // its own events bring the Pods, then the Deployment's status
        }
        ReplicaSet current = owned.get(0);
        if (!Objects.equals(current.getSpec().getReplicas(), replicas)) {
            client.resource(current).edit(replicaSet -> {
                replicaSet.getSpec().setReplicas(replicas);
                return replicaSet;
            });
            return;
        }
        int ready = Optional.ofNullable(current.getStatus() == null ? null : current.getStatus().getReadyReplicas())
                .orElse(0);
        DeploymentStatus status = deployment.getStatus();
        if (status != null && Objects.equals(status.getReplicas(), replicas)
                && Objects.equals(status.getReadyReplicas(), ready) && Objects.equals(status.getAvailableReplicas(), ready)
                && Objects.equals(status.getUpdatedReplicas(), replicas)) {
            return;
        }
        String now = now();
        client.resource(deployment).edit(changed -> {
            List<DeploymentCondition> conditions = List.of(
                    new DeploymentConditionBuilder().withType("Available").withStatus(ready >= replicas ? "True" : "False")
                            .withReason("MinimumReplicasAvailable").withLastUpdateTime(now).withLastTransitionTime(now)
                            .build(),
                    new DeploymentConditionBuilder().withType("Progressing").withStatus("True")
                            .withReason("NewReplicaSetAvailable").withLastUpdateTime(now).withLastTransitionTime(now)
                            .build());
            changed.setStatus(new DeploymentStatusBuilder()
                    .withObservedGeneration(changed.getMetadata().getGeneration()).withReplicas(replicas)
                    .withUpdatedReplicas(replicas).withReadyReplicas(ready).withAvailableReplicas(ready)
                    .withConditions(conditions).build());
            return changed;
        });
    }

    private void reconcileReplicaSet(String namespace, String name) {
        ReplicaSet replicaSet = client.apps().replicaSets().inNamespace(namespace).withName(name).get();
        if (replicaSet == null || replicaSet.getMetadata().getDeletionTimestamp() != null) {
            return;
        }
        int wanted = Optional.ofNullable(replicaSet.getSpec().getReplicas()).orElse(1);
        int running = scale(replicaSet, replicaSet.getSpec().getTemplate(), wanted);
        ReplicaSetStatus status = replicaSet.getStatus();
        if (status == null || !Objects.equals(status.getReplicas(), running)
                || !Objects.equals(status.getReadyReplicas(), running)) {
            client.resource(replicaSet).edit(changed -> {
                changed.setStatus(new ReplicaSetStatusBuilder()
                        .withReplicas(running).withReadyReplicas(running).withAvailableReplicas(running)
                        .withFullyLabeledReplicas(running)
                        .withObservedGeneration(changed.getMetadata().getGeneration()).build());
                return changed;
            });
        } else {
            ownerOf(replicaSet, "Deployment").ifPresent(owner -> reconcileDeployment(namespace, owner));
        }
    }

    private void reconcileJob(String namespace, String name) {
        Job job = client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
        if (job == null || job.getMetadata().getDeletionTimestamp() != null) {
            return;
        }
        int wanted = Optional.ofNullable(job.getSpec().getParallelism()).orElse(1);
        int running = scale(job, job.getSpec().getTemplate(), wanted);
        JobStatus status = job.getStatus();
        if (status == null || !Objects.equals(status.getActive(), running)) {
            String now = now();
            client.resource(job).edit(changed -> {
                changed.setStatus(new JobStatusBuilder()
                        .withActive(running).withStartTime(status != null && status.getStartTime() != null
                                ? status.getStartTime() : now)
                        .withReady(running).build());
                return changed;
            });
        }
    }

    /** Creates or deletes Pods of {@code owner} until {@code wanted} run, and returns how many run. */
    private int scale(HasMetadata owner, PodTemplateSpec template, int wanted) {
        String namespace = owner.getMetadata().getNamespace();
        List<Pod> pods = new ArrayList<>(client.pods().inNamespace(namespace).list().getItems().stream()
                .filter(pod -> controlledBy(pod, owner) && pod.getMetadata().getDeletionTimestamp() == null)
                .toList());
        List<Node> nodes = pods.size() < wanted ? client.nodes().list().getItems() : List.of();
        while (pods.size() < wanted) {
            pods.add(client.resource(newPod(owner, template, nodes)).create());
        }
        while (pods.size() > wanted) {
            client.resource(pods.remove(pods.size() - 1)).delete();
        }
        return pods.size();
    }

    private ReplicaSet newReplicaSet(Deployment deployment, int replicas) {
        String hash = suffix(10);
        PodTemplateSpec template = new PodTemplateSpecBuilder(deployment.getSpec().getTemplate()).build();
        Map<String, String> labels = new LinkedHashMap<>(Optional.ofNullable(template.getMetadata() == null ? null
                : template.getMetadata().getLabels()).orElse(Map.of()));
        labels.put("pod-template-hash", hash);
        template = new PodTemplateSpecBuilder(template).editOrNewMetadata().withLabels(labels).endMetadata().build();
        return new ReplicaSetBuilder()
                .withNewMetadata().withName(deployment.getMetadata().getName() + "-" + hash)
                .withNamespace(deployment.getMetadata().getNamespace()).withLabels(labels)
                .withOwnerReferences(controllerReference(deployment, "apps/v1")).endMetadata()
                .withNewSpec().withReplicas(replicas).withSelector(deployment.getSpec().getSelector())
                .withTemplate(template).endSpec()
                .build();
    }

    private Pod newPod(HasMetadata owner, PodTemplateSpec template, List<Node> nodes) {
        String now = now();
        Node node = nodes.isEmpty() ? null : nodes.get(random.nextInt(nodes.size()));
        String nodeName = node == null ? FALLBACK_NODE : node.getMetadata().getName();
        String hostIp = node == null || node.getStatus() == null || node.getStatus().getAddresses() == null
                ? "192.0.2.10" : node.getStatus().getAddresses().stream()
                        .filter(address -> "InternalIP".equals(address.getType())).map(NodeAddress::getAddress)
                        .findFirst().orElse("192.0.2.10");
        String podIp = "10.244." + (1 + random.nextInt(250)) + "." + (2 + random.nextInt(250));
        List<ContainerStatus> containers = new ArrayList<>();
        template.getSpec().getContainers().forEach(container -> containers.add(new ContainerStatusBuilder()
                .withName(container.getName()).withImage(container.getImage())
                .withImageID(container.getImage() + "@sha256:" + hex(32))
                .withContainerID("containerd://" + hex(32)).withReady(true).withStarted(true).withRestartCount(0)
                .withNewState().withNewRunning().withStartedAt(now).endRunning().endState().build()));
        Map<String, String> labels = new LinkedHashMap<>(Optional.ofNullable(template.getMetadata() == null ? null
                : template.getMetadata().getLabels()).orElse(Map.of()));
        if (owner instanceof Job) {
            // What the API server adds to a Job's template when it is created.
            labels.putIfAbsent("job-name", owner.getMetadata().getName());
            labels.putIfAbsent("batch.kubernetes.io/job-name", owner.getMetadata().getName());
            labels.putIfAbsent("controller-uid", owner.getMetadata().getUid());
        }
        return new PodBuilder()
                .withNewMetadata().withName(owner.getMetadata().getName() + "-" + suffix(5))
                .withNamespace(owner.getMetadata().getNamespace()).withLabels(labels)
                .withOwnerReferences(controllerReference(owner, owner.getApiVersion())).endMetadata()
                .withSpec(template.getSpec()).editSpec().withNodeName(nodeName).endSpec()
                .withNewStatus().withPhase("Running").withPodIP(podIp).addNewPodIP().withIp(podIp).endPodIP()
                .withHostIP(hostIp).withStartTime(now).withQosClass("BestEffort")
                .addNewCondition().withType("Ready").withStatus("True").withLastTransitionTime(now).endCondition()
                .addNewCondition().withType("PodScheduled").withStatus("True").withLastTransitionTime(now)
                .endCondition()
                .withContainerStatuses(containers).endStatus()
                .build();
    }

    private static OwnerReference controllerReference(HasMetadata owner, String apiVersion) {
        return new OwnerReferenceBuilder().withApiVersion(apiVersion).withKind(owner.getKind())
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).withController(true)
                .withBlockOwnerDeletion(true).build();
    }

    private static boolean controlledBy(HasMetadata object, HasMetadata owner) {
        return object.getMetadata().getOwnerReferences() != null && object.getMetadata().getOwnerReferences().stream()
                .anyMatch(reference -> Boolean.TRUE.equals(reference.getController())
                        && Objects.equals(reference.getUid(), owner.getMetadata().getUid()));
    }

    private static Optional<String> ownerOf(HasMetadata object, String kind) {
        return Optional.ofNullable(object.getMetadata().getOwnerReferences()).orElse(List.of()).stream()
                .filter(reference -> kind.equals(reference.getKind())).map(OwnerReference::getName).findFirst();
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private String suffix(int length) {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < length; i++) {
            suffix.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        return suffix.toString();
    }

    private String hex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    /** Stops reacting and closes the client it was given. */
    @Override
    public void close() {
        worker.shutdownNow();
        client.close();
    }
}
