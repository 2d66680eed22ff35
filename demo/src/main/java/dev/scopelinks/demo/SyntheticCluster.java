package dev.scopelinks.demo;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A realistic cluster of about the size asked for: nodes, namespaces, and per namespace a mix of
 * Deployments (with ReplicaSets and Pods), StatefulSets (with claims and volumes), DaemonSets,
 * CronJobs (with a Job and its Pod) and Services, every Pod running on one of the nodes. The same
 * seed gives the same cluster, so the demo ({@code scope-links demo --objects N}) and benchmarks
 * see identical shapes.
 *
 * <p>Example: {@code new ClusterWriter(cluster).write(new SyntheticCluster(42).generate(5_000))}
 */
public final class SyntheticCluster {

    private static final List<String> IMAGES = List.of("nginx:1.27", "ghcr.io/example/api:3.2.0",
            "redis:7.4", "grafana/grafana:11.3.0", "ghcr.io/example/worker:1.9.4", "postgres:16.4");
    private static final List<String> TEAMS = List.of("storefront", "payments", "search", "platform", "data");

    private final long seed;

    /** @param seed the random seed; the same seed gives the same cluster */
    public SyntheticCluster(long seed) {
        this.seed = seed;
    }

    /**
     * Generates at least {@code objects} objects (rounded up to whole workloads), owners before
     * the objects they own, ready for {@link ClusterWriter#write(List)}.
     */
    public List<HasMetadata> generate(int objects) {
        Random random = new Random(seed);
        ObjectFactory factory = new ObjectFactory(random);
        List<HasMetadata> out = new ArrayList<>();
        int nodeCount = Math.max(2, Math.min(500, objects / 60));
        List<ObjectFactory.NodeRef> nodes = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            ObjectFactory.NodeRef node = new ObjectFactory.NodeRef(String.format("node-%03d", i),
                    "192.168." + (i / 250) + "." + (10 + i % 240));
            nodes.add(node);
            out.add(factory.node(node, "zone-" + (char) ('a' + i % 3)));
        }
        out.add(factory.storageClass("fast-ssd", false));
        int namespaceIndex = 0;
        while (out.size() < objects) {
            String namespace = "team-" + TEAMS.get(namespaceIndex % TEAMS.size())
                    + (namespaceIndex < TEAMS.size() ? "" : "-" + namespaceIndex / TEAMS.size());
            String team = TEAMS.get(namespaceIndex % TEAMS.size());
            out.add(factory.namespace(namespace, Map.of("team", team)));
            for (int w = 0; w < 10 && out.size() < objects; w++) {
                String name = "app-" + namespaceIndex + "-" + w;
                Map<String, String> labels = Map.of("app.kubernetes.io/name", name,
                        "app.kubernetes.io/part-of", namespace, "team", team);
                String image = IMAGES.get(random.nextInt(IMAGES.size()));
                switch (w % 10) {
                    case 7 -> out.addAll(factory.statefulSet(namespace, name, labels, image, 2, nodes, "fast-ssd"));
                    case 8 -> out.addAll(factory.cronJob(namespace, name, labels, image, "*/15 * * * *", nodes));
                    case 9 -> {
                        if (namespaceIndex % 5 == 0) {
                            out.addAll(factory.daemonSet(namespace, name, labels, image,
                                    nodes.subList(0, Math.min(nodes.size(), 5))));
                        } else {
                            out.addAll(factory.deployment(namespace, name, labels, image, 1, nodes));
                        }
                    }
                    default -> out.addAll(factory.deployment(namespace, name, labels, image, 1 + random.nextInt(3),
                            nodes));
                }
                out.add(factory.service(namespace, name, labels, 80));
            }
            namespaceIndex++;
        }
        return out;
    }
}
