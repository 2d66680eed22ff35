package dev.scopelinks.standin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopelinks.spi.ResourceType;
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
    private final KubernetesClient client;

    private StandInCluster(StandInApiServer server) {
        this.server = server;
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
                    new StandInStore(json, hub), hub, json));
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
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
        client.close();
        server.close();
    }
}
