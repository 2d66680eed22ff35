package dev.scopelinks.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stand-in API server as clients see it: a Vert.x HTTP server that answers the way a real
 * Kubernetes API server does (discovery, typed lists with paging and selectors, watches over plain
 * HTTP and WebSocket that honour resource versions, Status errors) and keeps the objects in
 * fabric8's CRUD store, which it calls in process.
 */
final class StandInApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandInApiServer.class);
    private static final String JSON = "application/json";
    private static final long BOOKMARK_EVERY_MS = 30_000;
    private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final Vertx vertx;
    private final HttpServer server;
    private final ApiCatalog catalog;
    private final Discovery discovery;
    private final StandInStore store;
    private final WatchHub hub;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();
    private final GarbageCollector garbageCollector;
    private final ServerTables tables;

    private StandInApiServer(Vertx vertx, ApiCatalog catalog, StandInStore store, WatchHub hub, ObjectMapper json) {
        this.vertx = vertx;
        this.catalog = catalog;
        this.discovery = new Discovery(catalog, json);
        this.store = store;
        this.hub = hub;
        this.json = json;
        this.tables = new ServerTables(json, Clock.systemUTC());
        // HTTP/1.1 only: kubectl and client-go speak it over plain HTTP, and refusing h2c keeps
        // clients that offer an upgrade (the JDK's) on the simple path.
        this.server = vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false)
                .setHandle100ContinueAutomatically(true).setCompressionSupported(false));
        this.server.requestHandler(this::handle);
        this.garbageCollector = new GarbageCollector(catalog, store, api -> snapshot(api).items());
        hub.subscribe(garbageCollector, Long.MAX_VALUE);
    }

    static StandInApiServer start(InetAddress address, int port, ApiCatalog catalog, StandInStore store, WatchHub hub,
                               ObjectMapper json) {
        StandInApiServer api = new StandInApiServer(Vertx.vertx(), catalog, store, hub, json);
        try {
            api.server.listen(port, address.getHostAddress()).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            api.close();
            throw new IllegalStateException("cannot listen on " + address.getHostAddress() + ":" + port + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        return api;
    }

    int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        hub.unsubscribe(garbageCollector);
        garbageCollector.close();
        try {
            server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("Stand-in API server did not stop cleanly: {}", e.toString());
        }
    }

    private void handle(HttpServerRequest request) {
        String path = trimSlash(request.path());
        boolean upgrade = request.getHeader("Upgrade") != null
                && request.getHeader("Upgrade").toLowerCase(Locale.ROOT).contains("websocket");
        if (upgrade) {
            // The upgrade has to happen before the request is read, so this path skips the body.
            Optional<ApiPath> target = ApiPath.parse(path, catalog);
            MultiMap params = request.params();
            // Vert.x's HttpMethod, qualified: the imported HttpMethod is the mock store's.
            if (target.isPresent() && request.method() == io.vertx.core.http.HttpMethod.GET && isWatch(params)) {
                request.toWebSocket().onSuccess(socket -> vertx.executeBlocking(() -> {
                    watch(target.get(), params, WatchSink.webSocket(socket), request.getHeader("Accept"));
                    return null;
                }, false));
                return;
            }
        }
        request.body().onSuccess(body -> vertx.<Reply>executeBlocking(() -> route(request, path, body.getBytes()), false)
                .onSuccess(reply -> {
                    if (reply != null) {
                        request.response().setStatusCode(reply.code()).putHeader("Content-Type", reply.contentType())
                                .end(reply.body());
                    }
                })
                .onFailure(error -> {
                    LOG.warn("Stand-in API server failed on {} {}", request.method(), request.uri(), error);
                    if (!request.response().ended()) {
                        request.response().setStatusCode(500).putHeader("Content-Type", JSON)
                                .end(ApiStatus.failure(json, 500, "InternalError", String.valueOf(error)).toString());
                    }
                }));
    }

    /** Answers one request; {@code null} when the request became a watch stream. */
    private Reply route(HttpServerRequest request, String path, byte[] body) throws IOException {
        String method = request.method().name();
        if (method.equals("GET")) {
            if (path.equals("/version")) {
                return Reply.json(200, version());
            }
            if (path.equals("/healthz") || path.equals("/livez") || path.equals("/readyz")) {
                return new Reply(200, "text/plain", "ok");
            }
            Optional<String> document = discovery.document(path);
            if (document.isPresent()) {
                return Reply.json(200, document.get());
            }
        }
        Optional<ApiPath> target = ApiPath.parse(path, catalog);
        if (target.isEmpty()) {
            return Reply.json(404, ApiStatus.failure(json, 404, "NotFound",
                    "the server could not find the requested resource").toString());
        }
        ApiPath api = target.get();
        MultiMap params = request.params();
        try {
            if ("scale".equals(api.subresource())) {
                return scale(api, method, body);
            }
            if ("log".equals(api.subresource()) && method.equals("GET")) {
                return new Reply(200, "text/plain", "(scope-links stand-in: no container runs in this stand-in cluster, "
                        + "so there are no logs)\n");
            }
            if (api.subresource() != null && !"status".equals(api.subresource())) {
                return Reply.json(404, ApiStatus.failure(json, 404, "NotFound", "the stand-in API server does not serve "
                        + api.resource().plural() + "/" + api.subresource()).toString());
            }
            return switch (method) {
                case "GET" -> {
                    String accept = request.getHeader("Accept");
                    if (api.collection() && isWatch(params)) {
                        watch(api, params, WatchSink.http(request.response()), accept);
                        yield null;
                    }
                    Reply reply = api.collection() ? list(api, params) : forward(HttpMethod.GET, api,
                            api.storagePath(), null, null);
                    yield ServerTables.wanted(accept) ? tabled(api.resource(), reply, accept,
                            params.get("includeObject")) : reply;
                }
                case "POST" -> api.collection() ? create(api, request.getHeader("Content-Type"), body)
                        : forward(HttpMethod.POST, api, api.storagePath(), request.getHeader("Content-Type"), body);
                case "PUT" -> forward(HttpMethod.PUT, api, api.storagePath(), JSON, toStorage(api, body));
                case "PATCH" -> forward(HttpMethod.PATCH, api, api.storagePath(), request.getHeader("Content-Type"),
                        body);
                case "DELETE" -> forward(HttpMethod.DELETE, api, api.collection() && request.query() != null
                        ? api.storagePath() + "?" + request.query() : api.storagePath(), null, null);
                default -> Reply.json(405, ApiStatus.failure(json, 405, "MethodNotAllowed",
                        method + " is not supported").toString());
            };
        } catch (IllegalArgumentException e) {
            return Reply.json(400, ApiStatus.failure(json, 400, "BadRequest", e.getMessage()).toString());
        }
    }

    /**
     * A list, a page at a time when the client asks for a limit. Only the objects of the page (and,
     * with a selector, those it skips) are parsed, so paging through N objects costs N, not N² as
     * re-reading the whole list for every page would.
     */
    private Reply list(ApiPath api, MultiMap params) throws IOException {
        Selector labels = Selector.labels(params.get("labelSelector"));
        Selector fields = Selector.fields(params.get("fieldSelector"));
        boolean selective = labels != Selector.EVERYTHING || fields != Selector.EVERYTHING;
        Long continuedAt = null;
        String after = null;
        String token = params.get("continue");
        if (token != null && !token.isEmpty()) {
            Continue position = Continue.decode(token);
            if (position.resourceVersion() < hub.oldestVersion()) {
                return Reply.json(410, ApiStatus.failure(json, 410, "Expired",
                        "The provided continue parameter is too old to display a consistent list result. You can "
                                + "start a new list without the continue parameter.").toString());
            }
            continuedAt = position.resourceVersion();
            after = position.after();
        }
        int limit = parseLimit(params.get("limit"));
        StandInStore.Listing listing = listing(api, after);
        long version = continuedAt != null ? continuedAt : listing.resourceVersion();
        ObjectNode list = json.createObjectNode().put("kind", api.resource().listKind())
                .put("apiVersion", api.resource().groupVersion());
        ObjectNode metadata = list.putObject("metadata").put("resourceVersion", String.valueOf(version));
        ArrayNode page = list.putArray("items");
        List<Map.Entry<String, String>> items = listing.items();
        // Without selectors or conversion the stored JSON is the answer: spliced in, never parsed, so
        // an informer's first list of 30,000 Pods starts arriving at once instead of after seconds.
        boolean verbatim = !selective && !api.resource().converted();
        StringBuilder verbatimItems = new StringBuilder();
        int taken = 0;
        String last = null;
        int next = 0;
        while (next < items.size() && (limit == 0 || taken < limit)) {
            Map.Entry<String, String> item = items.get(next++);
            if (verbatim) {
                verbatimItems.append(taken == 0 ? "" : ",").append(item.getValue());
                taken++;
                last = item.getKey();
                continue;
            }
            JsonNode object = parse(item.getValue());
            if (!selective || labels.test(object) && fields.test(object)) {
                page.add(served(api.resource(), object));
                taken++;
                last = item.getKey();
            }
        }
        boolean more = false;
        for (int i = next; i < items.size() && !more; i++) {
            more = !selective || matches(api, labels, fields, parse(items.get(i).getValue()));
        }
        if (more) {
            metadata.put("continue", new Continue(version, last).encode());
            if (!selective) {
                // As a real server does, the count is given only when it is cheap and exact: without selectors.
                metadata.put("remainingItemCount", items.size() - next);
            }
        }
        String body = json.writeValueAsString(list);
        if (verbatim) {
            // The empty "items":[] closes the serialized list; the stored objects go between its brackets.
            int at = body.lastIndexOf("[]");
            body = body.substring(0, at + 1) + verbatimItems + body.substring(at + 1);
        }
        return Reply.json(200, body);
    }

    /** A list or an object answered as the server-side table kubectl asked for. */
    private Reply tabled(ServedResource resource, Reply reply, String accept, String includeObject)
            throws IOException {
        if (reply.code() != 200) {
            return reply;
        }
        JsonNode answer = json.readTree(reply.body());
        boolean list = answer.has("items");
        List<JsonNode> objects = new ArrayList<>();
        if (list) {
            answer.path("items").forEach(objects::add);
        } else {
            objects.add(answer);
        }
        ObjectNode table = tables.table(resource, objects, ServerTables.version(accept),
                answer.path("metadata").path("resourceVersion").asText(null), includeObject);
        if (list) {
            ((ObjectNode) table.path("metadata")).setAll((ObjectNode) answer.path("metadata"));
        }
        return Reply.json(200, json.writeValueAsString(table));
    }

    private void watch(ApiPath api, MultiMap params, WatchSink sink, String accept) {
        Selector labels;
        Selector fields;
        try {
            labels = Selector.labels(params.get("labelSelector"));
            fields = Selector.fields(params.get("fieldSelector"));
        } catch (IllegalArgumentException e) {
            sink.fail(400, ApiStatus.failure(json, 400, "BadRequest", e.getMessage()).toString());
            return;
        }
        sink.start();
        String requested = params.get("resourceVersion");
        boolean initialEvents = "true".equals(params.get("sendInitialEvents"));
        ServedResource resource = api.resource();
        // kubectl get -w asks for tables: each event then carries a one-row table instead of the object.
        String includeObject = params.get("includeObject");
        Function<JsonNode, JsonNode> shown = ServerTables.wanted(accept)
                ? object -> tables.table(resource, List.of(object), ServerTables.version(accept), null, includeObject)
                : object -> served(resource, object);
        WatchHub.Subscriber subscriber = event -> {
            if (!event.group().equals(resource.group()) || !event.plural().equals(resource.plural())) {
                return;
            }
            JsonNode previous = event.beforeObject();
            JsonNode current = event.afterObject();
            boolean before = previous != null && matches(api, labels, fields, previous);
            boolean after = current != null && matches(api, labels, fields, current);
            if (before && after) {
                sink.send(event("MODIFIED", shown.apply(current)));
            } else if (before) {
                sink.send(event("DELETED", shown.apply(current != null ? current : previous)));
            } else if (after) {
                sink.send(event("ADDED", shown.apply(current)));
            }
        };
        long from;
        if (requested == null || requested.isEmpty() || requested.equals("0") || initialEvents) {
            // No version, or the client wants the current state first: send it as ADDED events.
            Snapshot snapshot = snapshot(api);
            for (JsonNode item : snapshot.items()) {
                if (matches(api, labels, fields, item)) {
                    sink.send(event("ADDED", shown.apply(item)));
                }
            }
            from = snapshot.resourceVersion();
            if (initialEvents) {
                sink.send(event("BOOKMARK", bookmark(resource, from, true)));
            }
        } else {
            try {
                from = Long.parseLong(requested);
            } catch (NumberFormatException e) {
                sink.send(event("ERROR", ApiStatus.failure(json, 400, "BadRequest",
                        "invalid resource version: " + requested)));
                sink.end();
                return;
            }
        }
        if (!hub.subscribe(subscriber, from)) {
            sink.send(event("ERROR", ApiStatus.failure(json, 410, "Expired",
                    "too old resource version: " + from + " (" + hub.oldestVersion() + ")")));
            sink.end();
            return;
        }
        if ("true".equals(params.get("allowWatchBookmarks"))) {
            // Bookmarks move an idle watcher's resource version forward, so it can resume after a
            // disconnect without falling out of the kept history and re-listing.
            long timer = vertx.setPeriodic(BOOKMARK_EVERY_MS, id -> sink.send(event("BOOKMARK",
                    bookmark(resource, hub.latestVersion(), false))));
            sink.onClose(() -> vertx.cancelTimer(timer));
        }
        sink.onClose(() -> hub.unsubscribe(subscriber));
        String timeout = params.get("timeoutSeconds");
        if (timeout != null && timeout.matches("\\d{1,9}") && Long.parseLong(timeout) > 0) {
            vertx.setTimer(TimeUnit.SECONDS.toMillis(Long.parseLong(timeout)), id -> {
                hub.unsubscribe(subscriber);
                sink.end();
            });
        }
    }

    /**
     * Creates an object in process exactly as a POST to its collection would (same server-set
     * metadata, same watch events), without the HTTP round trip and the client's serialization:
     * seeding a large cluster costs a fraction of the CPU. Returns the stored object's JSON.
     */
    String createInProcess(ServedResource resource, String namespace, byte[] body) throws IOException {
        Reply reply = create(new ApiPath(resource, namespace, null, null), JSON, body);
        if (reply.code() >= 300) {
            throw new IllegalArgumentException("the stand-in refused " + resource.kind() + ": " + reply.body());
        }
        return reply.body();
    }

    private Reply create(ApiPath api, String contentType, byte[] body) throws IOException {
        JsonNode object;
        if (contentType != null && contentType.startsWith("application/vnd.kubernetes.protobuf")) {
            Optional<JsonNode> decoded = ProtobufObjects.decode(body, json);
            if (decoded.isEmpty()) {
                return Reply.json(415, ApiStatus.failure(json, 415, "UnsupportedMediaType",
                        "this stand-in API server reads JSON, and protobuf only for the kinds kubectl create makes")
                        .toString());
            }
            object = decoded.get();
        } else {
            object = json.readTree(body);
        }
        if (object == null || !object.isObject()) {
            return Reply.json(400, ApiStatus.failure(json, 400, "BadRequest", "the body must be a JSON object")
                    .toString());
        }
        ObjectNode created = (ObjectNode) object;
        JsonNode metadataNode = created.path("metadata");
        ObjectNode metadata = metadataNode.isObject() ? (ObjectNode) metadataNode : created.putObject("metadata");
        String name = metadata.path("name").asText("");
        if (name.isEmpty()) {
            String generateName = metadata.path("generateName").asText("");
            if (generateName.isEmpty()) {
                return Reply.json(422, ApiStatus.nameRequired(json, api.resource()).toString());
            }
            metadata.put("name", generateName + suffix());
        }
        created.put("apiVersion", api.resource().storageGroupVersion());
        if (!created.hasNonNull("kind")) {
            created.put("kind", api.resource().kind());
        }
        return forward(HttpMethod.POST, api, api.storagePath(), JSON, json.writeValueAsBytes(created));
    }

    /**
     * The {@code scale} subresource, which {@code kubectl scale} uses: reads and writes a
     * workload's replicas as an {@code autoscaling/v1 Scale}.
     */
    private Reply scale(ApiPath api, String method, byte[] body) throws IOException {
        ApiPath object = new ApiPath(api.resource(), api.namespace(), api.name(), null);
        if (method.equals("PUT") || method.equals("PATCH")) {
            JsonNode requested = json.readTree(body);
            JsonNode replicas = requested == null ? null : requested.path("spec").get("replicas");
            if (replicas == null || !replicas.canConvertToInt()) {
                return Reply.json(400, ApiStatus.failure(json, 400, "BadRequest",
                        "a scale change needs spec.replicas").toString());
            }
            ObjectNode patch = json.createObjectNode();
            patch.putObject("spec").put("replicas", replicas.asInt());
            Reply patched = forward(HttpMethod.PATCH, object, object.storagePath(), "application/merge-patch+json",
                    json.writeValueAsBytes(patch));
            if (patched.code() >= 300) {
                return patched;
            }
        } else if (!method.equals("GET")) {
            return Reply.json(405, ApiStatus.failure(json, 405, "MethodNotAllowed",
                    method + " is not supported on scale").toString());
        }
        Reply current = forward(HttpMethod.GET, object, object.storagePath(), null, null);
        if (current.code() != 200) {
            return current;
        }
        JsonNode workload = json.readTree(current.body());
        ObjectNode scale = json.createObjectNode().put("kind", "Scale").put("apiVersion", "autoscaling/v1");
        ObjectNode metadata = scale.putObject("metadata");
        for (String field : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
            if (workload.path("metadata").hasNonNull(field)) {
                metadata.set(field, workload.path("metadata").get(field));
            }
        }
        int replicas = workload.path("spec").path("replicas").asInt(1);
        scale.putObject("spec").put("replicas", replicas);
        StringBuilder selector = new StringBuilder();
        workload.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(label ->
                selector.append(selector.length() == 0 ? "" : ",").append(label.getKey()).append('=')
                        .append(label.getValue().asText()));
        scale.putObject("status").put("replicas", replicas).put("selector", selector.toString());
        return Reply.json(200, json.writeValueAsString(scale));
    }

    /** Hands a request to the store and turns its answer into what the served version looks like. */
    private Reply forward(HttpMethod method, ApiPath api, String storagePath, String contentType, byte[] body)
            throws IOException {
        Headers.Builder headers = Headers.builder();
        if (contentType != null) {
            headers.add("Content-Type", contentType);
        }
        MockResponse response = store.dispatch(new RecordedRequest("HTTP/1.1", method, storagePath, headers.build(),
                new Buffer(body == null ? new byte[0] : body)));
        int code = response.code();
        byte[] bytes = response.getBody() == null ? new byte[0] : response.getBody().getBytes();
        if (bytes.length == 0) {
            if (code == 404) {
                return Reply.json(404, ApiStatus.notFound(json, api.resource(), decodedName(api)).toString());
            }
            if (code >= 400) {
                return Reply.json(code, ApiStatus.failure(json, code, "BadRequest", "request failed").toString());
            }
            return Reply.json(code, "{}");
        }
        JsonNode answer = json.readTree(bytes);
        if (answer != null && answer.isObject() && !"Status".equals(answer.path("kind").asText())) {
            answer = served(api.resource(), answer);
        }
        return Reply.json(code, json.writeValueAsString(answer));
    }

    private byte[] toStorage(ApiPath api, byte[] body) throws IOException {
        if (!api.resource().converted() || body.length == 0) {
            return body;
        }
        JsonNode object = json.readTree(body);
        if (object instanceof ObjectNode node) {
            node.put("apiVersion", api.resource().storageGroupVersion());
        }
        return json.writeValueAsBytes(object);
    }

    private Snapshot snapshot(ApiPath api) {
        StandInStore.Listing listing = listing(api, null);
        List<JsonNode> items = new ArrayList<>(listing.items().size());
        listing.items().forEach(item -> items.add(parse(item.getValue())));
        return new Snapshot(listing.resourceVersion(), items);
    }

    private StandInStore.Listing listing(ApiPath api, String after) {
        ServedResource resource = api.resource();
        return store.list(resource.group(), resource.storageVersion(), resource.plural(), api.namespace(), after);
    }

    private JsonNode parse(String stored) {
        try {
            return json.readTree(stored);
        } catch (IOException e) {
            throw new IllegalStateException("the store holds something other than JSON", e);
        }
    }

    private boolean matches(ApiPath api, Selector labels, Selector fields, JsonNode object) {
        if (api.namespace() != null && !api.namespace().equals(object.path("metadata").path("namespace").asText())) {
            return false;
        }
        return labels.test(object) && fields.test(object);
    }

    private JsonNode served(ServedResource resource, JsonNode stored) {
        if (!resource.converted()) {
            return stored;
        }
        ObjectNode copy = ((ObjectNode) stored).deepCopy();
        copy.put("apiVersion", resource.groupVersion());
        return copy;
    }

    private ObjectNode bookmark(ServedResource resource, long version, boolean initialEventsEnd) {
        ObjectNode bookmark = json.createObjectNode().put("kind", resource.kind())
                .put("apiVersion", resource.groupVersion());
        ObjectNode metadata = bookmark.putObject("metadata").put("resourceVersion", String.valueOf(version));
        if (initialEventsEnd) {
            metadata.putObject("annotations").put("k8s.io/initial-events-end", "true");
        }
        return bookmark;
    }

    private String event(String type, JsonNode object) {
        ObjectNode event = json.createObjectNode().put("type", type);
        event.set("object", object);
        return event.toString();
    }

    private String version() {
        return json.createObjectNode().put("major", "1").put("minor", "32").put("gitVersion", "v1.32.0")
                .put("gitCommit", "scope-links-demo").put("gitTreeState", "clean")
                .put("buildDate", "2026-01-01T00:00:00Z").put("goVersion", "java")
                .put("compiler", "scope-links").put("platform", "linux/amd64").toString();
    }

    private String suffix() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        return suffix.toString();
    }

    private static boolean isWatch(MultiMap params) {
        String watch = params.get("watch");
        return "true".equals(watch) || "1".equals(watch);
    }

    private static int parseLimit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(limit));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid limit: " + limit);
        }
    }

    private static String decodedName(ApiPath api) {
        try {
            return URLDecoder.decode(api.name() == null ? "" : api.name().replace("+", "%2B"),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return api.name();
        }
    }

    private static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private record Snapshot(long resourceVersion, List<JsonNode> items) {
    }

    private record Reply(int code, String contentType, String body) {
        static Reply json(int code, String body) {
            return new Reply(code, JSON, body);
        }
    }

    /** Where a paged list continues: the list's resource version and the last key served. */
    private record Continue(long resourceVersion, String after) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((resourceVersion + "\n" + after).getBytes(StandardCharsets.UTF_8));
        }

        static Continue decode(String token) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                int newline = text.indexOf('\n');
                return new Continue(Long.parseLong(text.substring(0, newline)), text.substring(newline + 1));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("invalid continue token");
            }
        }
    }
}
