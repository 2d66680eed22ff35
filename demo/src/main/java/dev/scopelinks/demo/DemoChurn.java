package dev.scopelinks.demo;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the demo cluster moving so links visibly change in Scope: every period it scales a
 * Deployment (adding or removing a Pod of its ReplicaSet), relabels an object, or replaces a Pod
 * the way a ReplicaSet controller would (delete, then a new Pod with a new name and IP), in turn.
 */
public final class DemoChurn implements AutoCloseable {

    /** The label churn writes, so a changed object is easy to spot. */
    public static final String REVISION_LABEL = "demo.scope-links.dev/revision";

    private static final Logger LOG = LoggerFactory.getLogger(DemoChurn.class);

    private final KubernetesClient client;
    private final Random random;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "scope-links-demo-churn");
        thread.setDaemon(true);
        return thread;
    });
    private int steps;

    public DemoChurn(KubernetesClient client, long seed) {
        this.client = Objects.requireNonNull(client, "client");
        this.random = new Random(seed);
    }

    /** Makes one change every {@code period} until closed. */
    public void start(Duration period) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                LOG.info("Churn: {}", step());
            } catch (RuntimeException e) {
                LOG.warn("Churn step failed, trying again next time: {}", e.toString());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Makes one change now and says what it did. */
    public synchronized String step() {
        int step = steps++;
        return switch (step % 3) {
            case 0 -> scale();
            case 1 -> relabel(step);
            default -> replacePod();
        };
    }

    private String scale() {
        Optional<Deployment> picked = pick(client.apps().deployments().inAnyNamespace().list().getItems());
        if (picked.isEmpty()) {
            return "nothing to scale";
        }
        Deployment deployment = picked.get();
        String namespace = deployment.getMetadata().getNamespace();
        int replicas = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
        int target = replicas >= 3 ? replicas - 1 : replicas + 1;
        client.apps().deployments().inNamespace(namespace).withName(deployment.getMetadata().getName())
                .edit(current -> {
                    current.getSpec().setReplicas(target);
                    return current;
                });
        Optional<ReplicaSet> replicaSet = client.apps().replicaSets().inNamespace(namespace).list().getItems().stream()
                .filter(rs -> ownedBy(rs, deployment)).findFirst();
        if (replicaSet.isPresent()) {
            List<Pod> pods = client.pods().inNamespace(namespace).list().getItems().stream()
                    .filter(pod -> ownedBy(pod, replicaSet.get())).toList();
            if (target > replicas && !pods.isEmpty()) {
                client.resource(copyOf(pods.get(0))).create();
            } else if (target < replicas && !pods.isEmpty()) {
                client.resource(pods.get(pods.size() - 1)).delete();
            }
        }
        return "scaled deployment " + namespace + "/" + deployment.getMetadata().getName() + " from " + replicas
                + " to " + target;
    }

    private String relabel(int step) {
        List<? extends HasMetadata> candidates = switch (random.nextInt(3)) {
            case 0 -> client.apps().deployments().inAnyNamespace().list().getItems();
            case 1 -> client.services().inAnyNamespace().list().getItems();
            default -> client.pods().inAnyNamespace().list().getItems();
        };
        Optional<? extends HasMetadata> picked = pick(candidates);
        if (picked.isEmpty()) {
            return "nothing to relabel";
        }
        HasMetadata object = picked.get();
        String revision = String.valueOf(step);
        client.resource(object).edit(current -> {
            Map<String, String> labels = new HashMap<>(Optional.ofNullable(current.getMetadata().getLabels())
                    .orElse(Map.of()));
            labels.put(REVISION_LABEL, revision);
            current.getMetadata().setLabels(labels);
            return current;
        });
        return "relabelled " + object.getKind() + " " + object.getMetadata().getNamespace() + "/"
                + object.getMetadata().getName() + " " + REVISION_LABEL + "=" + revision;
    }

    private String replacePod() {
        Optional<Pod> picked = pick(client.pods().inAnyNamespace().list().getItems().stream()
                .filter(pod -> pod.getMetadata().getOwnerReferences() != null && pod.getMetadata().getOwnerReferences()
                        .stream().anyMatch(owner -> "ReplicaSet".equals(owner.getKind()))).toList());
        if (picked.isEmpty()) {
            return "no pod to replace";
        }
        Pod pod = picked.get();
        client.resource(pod).delete();
        Pod replacement = client.resource(copyOf(pod)).create();
        return "replaced pod " + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName() + " with "
                + replacement.getMetadata().getName();
    }

    private Pod copyOf(Pod pod) {
        String base = pod.getMetadata().getName().replaceAll("-[^-]+$", "");
        String ip = "10.244." + (100 + random.nextInt(150)) + "." + (2 + random.nextInt(250));
        Pod copy = new PodBuilder(pod).editMetadata().withName(base + "-" + suffix()).withUid(null)
                .withResourceVersion(null).withCreationTimestamp(null).endMetadata()
                .editStatus().withPodIP(ip).withPodIPs(List.of(new PodIP(ip)))
                .endStatus().build();
        // A new Pod runs new containers: fresh ids, so Scope draws new Container nodes.
        if (copy.getStatus().getContainerStatuses() != null) {
            copy.getStatus().getContainerStatuses().forEach(status -> status.setContainerID(
                    "containerd://" + HexFormat.of().formatHex(bytes(32))));
        }
        return copy;
    }

    private static boolean ownedBy(HasMetadata object, HasMetadata owner) {
        return object.getMetadata().getOwnerReferences() != null && object.getMetadata().getOwnerReferences().stream()
                .anyMatch(reference -> Objects.equals(reference.getUid(), owner.getMetadata().getUid()));
    }

    private <T> Optional<T> pick(List<T> items) {
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(random.nextInt(items.size())));
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private String suffix() {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return suffix.toString();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
