package dev.scopelinks.bench;

import dev.scopelinks.demo.ClusterWriter;
import dev.scopelinks.standin.StandInCluster;
import dev.scopelinks.demo.DemoSeed;
import dev.scopelinks.demo.SyntheticCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in cluster for the footprint and probe-true runs, in its own JVM so that the host's RSS
 * and CPU are measured alone: the demo's API server seeded with the demo objects and a synthetic
 * cluster of about N objects, a kubeconfig for it, and optional churn at a rate given as a share of
 * the objects per second (every change relabels one existing object, so the links that read that
 * label change and nothing is re-listed).
 *
 * <p>Run: {@code java -cp … dev.scopelinks.bench.StandinRun OBJECTS KUBECONFIG READY-FILE [CHURN-PERCENT]};
 * it writes READY-FILE (the object count) once seeded, and the churn starts when the file
 * {@code READY-FILE.churn} appears, so a run can measure a quiet start first.
 */
public final class StandinRun {

    private StandinRun() {
    }

    public static void main(String[] args) throws Exception {
        int objects = Integer.parseInt(args[0]);
        Path kubeconfig = Path.of(args[1]);
        Path ready = Path.of(args[2]);
        double churnPercent = args.length > 3 ? Double.parseDouble(args[3]) : 0;
        long started = System.nanoTime();
        StandInCluster cluster = StandInCluster.start(0);
        KubernetesClient client = cluster.client();
        int created = new DemoSeed(client).seed();
        List<HasMetadata> synthetic = new SyntheticCluster(7).generate(objects);
        int annotationKb = Integer.parseInt(System.getenv().getOrDefault("BENCH_ANNOTATION_KB", "0"));
        if (annotationKb > 0) {
            // What kubectl apply leaves on objects: an annotation no link reads, which the host must not keep.
            String applied = "{\"spec\":\"" + "x".repeat(annotationKb * 1024) + "\"}";
            for (HasMetadata object : synthetic) {
                if (object instanceof Deployment) {
                    Map<String, String> annotations = new LinkedHashMap<>();
                    if (object.getMetadata().getAnnotations() != null) {
                        annotations.putAll(object.getMetadata().getAnnotations());
                    }
                    annotations.put("kubectl.kubernetes.io/last-applied-configuration", applied);
                    object.getMetadata().setAnnotations(annotations);
                }
            }
        }
        created += new ClusterWriter(client).write(synthetic);
        cluster.writeKubeconfig(kubeconfig);
        List<HasMetadata> changeable = new ArrayList<>();
        changeable.addAll(client.apps().deployments().inAnyNamespace().list().getItems());
        changeable.addAll(client.services().inAnyNamespace().list().getItems());
        changeable.addAll(client.pods().inAnyNamespace().list().getItems());
        Files.writeString(ready, created + "\n");
        System.out.printf("stand-in: %d objects at %s, seeded in %d ms%n", created, cluster.url(),
                (System.nanoTime() - started) / 1_000_000);
        if (churnPercent > 0) {
            Path go = Path.of(ready + ".churn");
            while (!Files.exists(go)) {
                Thread.sleep(100);
            }
            churn(client, changeable, created * churnPercent / 100.0);
        }
        Thread.currentThread().join();
    }

    /** Relabels {@code perSecond} objects a second, in ten slices a second, counting what it managed. */
    private static void churn(KubernetesClient client, List<HasMetadata> objects, double perSecond) {
        Random random = new Random(13);
        AtomicLong changes = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        double perSlice = perSecond / 10;
        double[] owed = {0};
        timer.scheduleAtFixedRate(() -> {
            owed[0] += perSlice;
            while (owed[0] >= 1) {
                owed[0] -= 1;
                HasMetadata object = objects.get(random.nextInt(objects.size()));
                // A Deployment's team label feeds one of its links, so its node changes too.
                String team = object instanceof Deployment ? ",\"team\":\"team-" + changes.get() + "\"" : "";
                String patch = "{\"metadata\":{\"labels\":{\"bench.scope-links.dev/revision\":\""
                        + changes.get() + "\"" + team + "}}}";
                try {
                    client.resource(object).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
                    changes.incrementAndGet();
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                }
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(() -> System.out.printf("churn: %d changes, %d failed%n", changes.get(),
                failures.get()), 10, 10, TimeUnit.SECONDS);
    }
}
