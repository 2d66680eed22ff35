package dev.scopelinks.standin;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what a deleted object owned, as Kubernetes' garbage collector does in the background:
 * {@code kubectl delete deployment web} also removes its ReplicaSet and, through it, its Pods, so
 * their nodes and links leave Scope too. Runs off the store's lock, one deletion at a time.
 */
final class GarbageCollector implements WatchHub.Subscriber, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GarbageCollector.class);

    private final ApiCatalog catalog;
    private final StandInStore store;
    private final Function<ApiPath, List<JsonNode>> lister;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "standin-garbage-collector");
        thread.setDaemon(true);
        return thread;
    });

    GarbageCollector(ApiCatalog catalog, StandInStore store, Function<ApiPath, List<JsonNode>> lister) {
        this.catalog = catalog;
        this.store = store;
        this.lister = lister;
    }

    @Override
    public void deliver(StoredEvent event) {
        if (event.after() != null || event.before() == null) {
            return;
        }
        String uid = event.beforeObject().path("metadata").path("uid").asText("");
        if (!uid.isEmpty()) {
            worker.execute(() -> collect(uid));
        }
    }

    private void collect(String ownerUid) {
        for (ServedResource resource : catalog.all()) {
            if (resource.converted()) {
                continue;
            }
            for (JsonNode object : lister.apply(new ApiPath(resource, null, null, null))) {
                if (ownedBy(object, ownerUid)) {
                    JsonNode metadata = object.path("metadata");
                    String namespace = metadata.hasNonNull("namespace") && resource.namespaced()
                            ? metadata.path("namespace").asText() : null;
                    ApiPath path = new ApiPath(resource, namespace, metadata.path("name").asText(), null);
                    MockResponse response = store.handleDelete(path.storagePath());
                    LOG.debug("Collected {} {} owned by {}: {}", resource.kind(), path.storagePath(), ownerUid,
                            response.code());
                }
            }
        }
    }

    private static boolean ownedBy(JsonNode object, String ownerUid) {
        List<String> owners = new ArrayList<>();
        object.path("metadata").path("ownerReferences").forEach(owner -> owners.add(owner.path("uid").asText()));
        return owners.contains(ownerUid);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
