package dev.scopelinks.host.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny Kubernetes API server for one resource, Deployments in {@code apps/v1}, whose faults a test
 * scripts: it can be killed and started again on the same port, hang every list, and send any line
 * down the open watch streams (a malformed event, an ERROR event). Lists answer with the objects
 * held; a new watch first replays them as ADDED, then streams what the test sends. Watches are
 * chunked HTTP, so clients must use {@link #newClient()} (HTTP watches only).
 */
public final class ScriptedApiServer implements AutoCloseable {

    private static final String PATH = "/apis/apps/v1/deployments";
    private static final String CLOSE = "\0close";

    private final Map<String, String> objects = new ConcurrentHashMap<>();
    private final List<BlockingQueue<String>> watches = new CopyOnWriteArrayList<>();
    private final AtomicLong version = new AtomicLong(1);
    private final AtomicInteger lists = new AtomicInteger();
    private final AtomicInteger watchRequests = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "scripted-api");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean hangLists;
    private volatile HttpServer server;
    private volatile int port;

    /** Starts on a free port of 127.0.0.1. */
    public static ScriptedApiServer start() throws IOException {
        ScriptedApiServer api = new ScriptedApiServer();
        api.listen(0);
        return api;
    }

    private void listen(int onPort) throws IOException {
        HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        created.setExecutor(threads);
        created.createContext("/", this::handle);
        created.start();
        port = created.getAddress().getPort();
        server = created;
    }

    /** Stops answering, as a dead API server does: connections are refused and open watches end. */
    public void kill() {
        HttpServer running = server;
        server = null;
        watches.forEach(queue -> queue.add(CLOSE));
        if (running != null) {
            running.stop(0);
        }
    }

    /** Answers again, on the same port, with the objects held. */
    public void restart() throws IOException {
        listen(port);
    }

    /** Makes every list from now on wait until the server closes: a cluster too big to list in time. */
    public void hangLists() {
        hangLists = true;
    }

    /** Adds or replaces Deployment {@code namespace/name} with {@code uid}, and tells the open watches. */
    public void put(String namespace, String name, String uid) {
        put(namespace, name, uid, "");
    }

    /**
     * Like {@link #put(String, String, String)}, with {@code annotation} (plain text, no quotes) as
     * the object's {@code kubectl.kubernetes.io/last-applied-configuration}; empty means none.
     */
    public void put(String namespace, String name, String uid, String annotation) {
        String object = deployment(namespace, name, uid, version.incrementAndGet(), annotation);
        boolean existed = objects.put(namespace + "/" + name, object) != null;
        send("{\"type\":\"" + (existed ? "MODIFIED" : "ADDED") + "\",\"object\":" + object + "}");
    }

    /** Sends {@code line} down every open watch stream as it is. */
    public void send(String line) {
        watches.forEach(queue -> queue.add(line));
    }

    /** The watch streams open now. */
    public int openWatches() {
        return watches.size();
    }

    /** How many lists were answered or are waiting. */
    public int lists() {
        return lists.get();
    }

    /** How many watch requests arrived. */
    public int watchRequests() {
        return watchRequests.get();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** A client for this server: HTTP watches, quick reconnects, short timeouts. */
    public KubernetesClient newClient() {
        return new KubernetesClientBuilder().withConfig(config()).build();
    }

    private Config config() {
        return new ConfigBuilder(Config.empty()).withMasterUrl(url()).withNamespace("default")
                .withHttp2Disable(true).withOnlyHttpWatches(true).withWatchReconnectInterval(100)
                .withConnectionTimeout(1000).withRequestTimeout(3000).withRequestRetryBackoffLimit(0).build();
    }

    /** Writes a kubeconfig for this server into {@code file}. */
    public Path writeKubeconfig(Path file) throws IOException {
        return Files.writeString(file, String.join("\n",
                "apiVersion: v1", "kind: Config", "current-context: scripted",
                "clusters:", "- name: scripted", "  cluster:", "    server: " + url(),
                "contexts:", "- name: scripted", "  context:", "    cluster: scripted", "    user: scripted",
                "users:", "- name: scripted", "  user: {}", ""));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                respond(exchange, 404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":404}");
            } else if (query != null && (query.contains("watch=true") || query.contains("watch=1"))) {
                watch(exchange);
            } else {
                lists.incrementAndGet();
                if (hangLists) {
                    closed.await();
                    return;
                }
                list(exchange, query == null ? "" : query);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers a list, a page at a time when the client asks for a {@code limit}, as API servers do. */
    private void list(HttpExchange exchange, String query) throws IOException {
        List<String> keys = new ArrayList<>(new TreeSet<>(objects.keySet()));
        int from = parameter(query, "continue").map(Integer::parseInt).orElse(0);
        int limit = parameter(query, "limit").map(Integer::parseInt).orElse(Integer.MAX_VALUE);
        int to = (int) Math.min(keys.size(), (long) from + limit);
        List<String> page = new ArrayList<>();
        for (String key : keys.subList(Math.min(from, keys.size()), to)) {
            String object = objects.get(key);
            if (object != null) {
                page.add(object);
            }
        }
        String next = to < keys.size() ? ",\"continue\":\"" + to + "\"" : "";
        respond(exchange, 200, "{\"apiVersion\":\"apps/v1\",\"kind\":\"DeploymentList\",\"metadata\":"
                + "{\"resourceVersion\":\"" + version.get() + "\"" + next + "},\"items\":[" + String.join(",", page)
                + "]}");
    }

    private static Optional<String> parameter(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=") && pair.length() > name.length() + 1) {
                return Optional.of(pair.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }

    private void watch(HttpExchange exchange) throws IOException, InterruptedException {
        watchRequests.incrementAndGet();
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        objects.values().forEach(object -> queue.add("{\"type\":\"ADDED\",\"object\":" + object + "}"));
        watches.add(queue);
        try {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            // A watch lives as long as the server that accepted it: one that arrived just as the server
            // was killed must not stream on once a restarted server is up (it would be counted open).
            HttpServer acceptedBy = exchange.getHttpContext().getServer();
            while (server == acceptedBy) {
                String line = queue.poll(200, TimeUnit.MILLISECONDS);
                if (CLOSE.equals(line)) {
                    return;
                }
                if (line != null) {
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            watches.remove(queue);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String deployment(String namespace, String name, String uid, long resourceVersion,
                                     String annotation) {
        String annotations = annotation.isEmpty() ? ""
                : ",\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"" + annotation + "\"}";
        return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + name
                + "\",\"namespace\":\"" + namespace + "\",\"uid\":\"" + uid + "\",\"resourceVersion\":\""
                + resourceVersion + "\"" + annotations + "},\"spec\":{\"replicas\":1}}";
    }

    @Override
    public void close() {
        closed.countDown();
        kill();
        threads.shutdownNow();
    }
}
