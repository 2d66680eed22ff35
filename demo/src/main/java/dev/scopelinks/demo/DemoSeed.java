package dev.scopelinks.demo;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * A small, believable cluster for the demo with at least one object of every kind Scope draws:
 * Namespaces, Nodes, Deployments with their ReplicaSets and running Pods, Services, a StatefulSet
 * with claims and volumes, a DaemonSet, a CronJob (served as {@code batch/v1} and
 * {@code batch/v1beta1}) with its Job, a plain Job, and a StorageClass.
 */
public final class DemoSeed {

    private final KubernetesClient client;

    public DemoSeed(KubernetesClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Creates the demo objects and returns how many were created. */
    public int seed() {
        return new ClusterWriter(client).write(objects());
    }

    /** The demo objects, owners first, without creating them. */
    public static List<HasMetadata> objects() {
        ObjectFactory factory = new ObjectFactory(new Random(42));
        List<ObjectFactory.NodeRef> nodes = List.of(new ObjectFactory.NodeRef("demo-node-1", "192.0.2.11"),
                new ObjectFactory.NodeRef("demo-node-2", "192.0.2.12"));
        List<HasMetadata> objects = new ArrayList<>();
        for (String namespace : List.of("default", "shop", "monitoring", "data")) {
            objects.add(factory.namespace(namespace, Map.of("kubernetes.io/metadata.name", namespace)));
        }
        objects.add(factory.node(nodes.get(0), "demo-zone-a"));
        objects.add(factory.node(nodes.get(1), "demo-zone-b"));
        objects.add(factory.storageClass("standard", true));
        workload(objects, factory, nodes, "shop", "web", "storefront", "nginx:1.27", 2);
        workload(objects, factory, nodes, "shop", "checkout", "payments", "ghcr.io/example/checkout:2.4.1", 1);
        workload(objects, factory, nodes, "monitoring", "grafana", "observability", "grafana/grafana:11.3.0", 1);
        objects.addAll(factory.statefulSet("data", "postgres", labels("postgres", "payments"), "postgres:16.4", 2,
                nodes, "standard"));
        objects.add(factory.service("data", "postgres", labels("postgres", "payments"), 5432));
        objects.addAll(factory.daemonSet("monitoring", "node-exporter", labels("node-exporter", "observability"),
                "prom/node-exporter:v1.8.2", nodes));
        objects.addAll(factory.cronJob("shop", "nightly-report", labels("nightly-report", "storefront"),
                "ghcr.io/example/reports:1.0.3", "0 2 * * *", nodes));
        objects.addAll(factory.job("data", "migrate-schema", labels("migrate-schema", "payments"),
                "ghcr.io/example/migrations:5.1.0", nodes, null));
        return objects;
    }

    private static void workload(List<HasMetadata> objects, ObjectFactory factory, List<ObjectFactory.NodeRef> nodes,
                                 String namespace, String name, String team, String image, int replicas) {
        Map<String, String> labels = labels(name, team);
        objects.addAll(factory.deployment(namespace, name, labels, image, replicas, nodes));
        objects.add(factory.service(namespace, name, labels, 80));
    }

    private static Map<String, String> labels(String name, String team) {
        return Map.of("app.kubernetes.io/name", name, "app.kubernetes.io/part-of", "demo-shop", "team", team);
    }
}
