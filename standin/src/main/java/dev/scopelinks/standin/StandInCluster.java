package dev.scopelinks.standin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopelinks.spi.ResourceType;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in Kubernetes API server on loopback for the demo and for end-to-end tests: fabric8's CRUD store
 * (the engine of {@code KubernetesMockServer}'s CRUD mode) behind an HTTP front that answers the
 * way real clients expect — kubectl, client-go tools such as Weave Scope's probe, the JDK's HTTP
 * client, and fabric8 itself.
 *
 * <p>What it serves: discovery for the built-in resources ({@link ServedResource#BUILT_IN}, with
 * CronJobs as {@code batch/v1} and {@code batch/v1beta1}) and for every resource passed to
 * {@link #start(int, Collection)} (the demo passes each loaded provider's watched resource, so a
 * provider of a custom resource has its group served from the start); typed lists with
 * {@code limit}/{@code continue} and label and field selectors; watches over chunked HTTP and
 * WebSocket from a resource version; server-set metadata; {@code Status} errors. Not served:
 * protobuf responses (clients fall back to JSON), {@code apply}, admission, garbage collection.
 *
 * <p>Example: {@code try (StandInCluster cluster = StandInCluster.start(0)) { cluster.client().resource(pod).create(); }}
 */
public final class StandInCluster implements AutoCloseable {

    /** How many recent changes a watch can start from; older starts get 410 Gone and re-list. */
    private static final int WATCH_HISTORY = 10_000;

    private final StandInApiServer server;
    private final ApiCatalog catalog;
    private final ObjectMapper json;
    private final WatchHub hub;
    private final KubernetesClient client;
    private final AtomicReference<Controllers> controllers = new AtomicReference<>();

    private StandInCluster(StandInApiServer server, ApiCatalog catalog, ObjectMapper json, WatchHub hub) {
        this.server = server;
        this.catalog = catalog;
        this.json = json;
        this.hub = hub;
        this.client = newClient(false);
    }

    /** Starts the API server on {@code 127.0.0.1:port} ({@code 0} picks a free port). */
    public static StandInCluster start(int port) throws IOException {
        return start(port, List.of());
    }

    /**
     * Starts the API server on {@code 127.0.0.1:port} and serves {@code extra} resources besides the
     * built-in ones, e.g. the resources that loaded providers watch.
     */
    public static StandInCluster start(int port, Collection<ResourceType> extra) throws IOException {
        ObjectMapper json = new ObjectMapper();
        WatchHub hub = new WatchHub(WATCH_HISTORY);
        ApiCatalog catalog = new ApiCatalog(extra.stream().map(ServedResource::of).toList());
        try {
            return new StandInCluster(StandInApiServer.start(InetAddress.getByName("127.0.0.1"), port, catalog,
                    new StandInStore(json, hub), hub, json), catalog, json, hub);
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Creates {@code object} as {@code client().resource(object).create()} would, in process: the
     * same stored object and watch events, at a fraction of the CPU (no HTTP, no client-side
     * serialization round trip), for seeding large clusters.
     *
     * @return the uid the stand-in gave the object
     * @throws IllegalArgumentException if the stand-in does not serve the object's kind, or refuses it
     */
    public String create(HasMetadata object) throws IOException {
        String apiVersion = object.getApiVersion();
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        ServedResource resource = catalog.all().stream()
                .filter(served -> served.group().equals(group) && served.version().equals(version)
                        && served.kind().equals(object.getKind()) && !served.converted())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the stand-in does not serve " + apiVersion + " "
                        + object.getKind()));
        String namespace = resource.namespaced()
                ? Optional.ofNullable(object.getMetadata().getNamespace()).orElse("default") : null;
        String created = server.createInProcess(resource, namespace,
                client.getKubernetesSerialization().asJson(object).getBytes(StandardCharsets.UTF_8));
        return json.readTree(created).path("metadata").path("uid").asText();
    }

    /**
     * Starts the stand-in's controllers: from now on a Deployment gets a ReplicaSet, a ReplicaSet or
     * a Job gets running Pods, and their statuses follow, as in a cluster. Objects already stored
     * are left as they are, so a seeded cluster keeps its exact shape. Off until called, so tests
     * see only the objects they write.
     */
    public void startControllers() {
        Controllers started = new Controllers(newClient(false), 17);
        if (controllers.compareAndSet(null, started)) {
            hub.subscribe(started, hub.latestVersion());
        } else {
            started.close();
        }
    }

    /** A client for the stand-in cluster (fabric8's defaults: WebSocket watches). */
    public KubernetesClient client() {
        return client;
    }

    /**
     * A new client the caller closes; with {@code httpWatches} its watches and informers use
     * chunked HTTP, as client-go does, instead of WebSocket.
     */
    public KubernetesClient newClient(boolean httpWatches) {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(url())
                .withNamespace("default")
                .withHttp2Disable(true)
                .withOnlyHttpWatches(httpWatches)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** The API server's URL, e.g. {@code http://127.0.0.1:40123}. */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Writes a kubeconfig for this cluster into {@code file} and returns it. */
    public Path writeKubeconfig(Path file) throws IOException {
        String kubeconfig = String.join("\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: scope-links-demo",
                "  cluster:",
                "    server: " + url(),
                "contexts:",
                "- name: scope-links-demo",
                "  context:",
                "    cluster: scope-links-demo",
                "    user: demo",
                "    namespace: default",
                "current-context: scope-links-demo",
                "users:",
                "- name: demo",
                "  user:",
                "    token: demo",
                "");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, kubeconfig, StandardCharsets.UTF_8);
        return file;
    }

    @Override
    public void close() {
        Controllers running = controllers.getAndSet(null);
        if (running != null) {
            hub.unsubscribe(running);
            running.close();
        }
        client.close();
        server.close();
    }
}
