package dev.scopelinks.host.demo;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * A stand-in Kubernetes API server on loopback for the demo: fabric8's mock server in CRUD mode,
 * with discovery answers so {@code kubectl} works against it.
 */
public final class DemoCluster implements AutoCloseable {

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    private DemoCluster(KubernetesMockServer server) {
        this.server = server;
        this.client = server.createClient();
    }

    /** Starts the API server on {@code 127.0.0.1:port} ({@code 0} picks a free port). */
    public static DemoCluster start(int port) throws IOException {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new DiscoveryDispatcher(), false);
        server.init(InetAddress.getByName("127.0.0.1"), port);
        return new DemoCluster(server);
    }

    /** A client for the demo cluster. */
    public KubernetesClient client() {
        return client;
    }

    /** The API server's URL, e.g. {@code http://127.0.0.1:40123}. */
    public String url() {
        return "http://127.0.0.1:" + server.getPort();
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
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, kubeconfig, StandardCharsets.UTF_8);
        return file;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
