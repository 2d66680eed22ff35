package dev.scopelinks.host.watch;

import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.ObjectLookup;
import dev.scopelinks.spi.ResourceType;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.ReducedStateItemStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the cluster with one fabric8 informer per resource (per namespace when the operator
 * lists namespaces) and hands every change to an {@link ObjectSink}. Providers that watch the same
 * resource share its informer. The informers' caches also answer {@link ObjectLookup}s.
 *
 * <p>A resource marked optional (a CRD group, or an API version newer clusters dropped) is first
 * looked up in the cluster's API discovery. When the cluster does not serve it, no informer is
 * started (a watch on a missing API would only fail and retry); the resource is reported as
 * {@link #degraded() degraded} and looked up again every {@code recheck}, so an API installed later
 * is watched from then on without a restart.
 */
public final class ClusterWatcher implements ObjectLookup, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterWatcher.class);
    private static final String UID_INDEX = "uid";

    /** How often an optional API the cluster did not serve is looked up again, unless told otherwise. */
    public static final Duration DEFAULT_RECHECK = Duration.ofSeconds(30);

    private final KubernetesClient client;
    private final List<String> namespaces;
    private final Duration recheck;
    private final CachedFields cachedFields;
    private final Map<ResourceType, List<SharedIndexInformer<GenericKubernetesResource>>> informers =
            new LinkedHashMap<>();
    private final Map<ResourceType, String> degraded = new LinkedHashMap<>();
    private ObjectSink sink;
    private ScheduledExecutorService rechecker;
    private volatile boolean closed;

    /**
     * @param client     the cluster
     * @param namespaces namespaces to watch namespaced resources in; empty means all
     */
    public ClusterWatcher(KubernetesClient client, List<String> namespaces) {
        this(client, namespaces, DEFAULT_RECHECK);
    }

    /**
     * @param client     the cluster
     * @param namespaces namespaces to watch namespaced resources in; empty means all
     * @param recheck    how often an optional API that is not served is looked up again
     */
    public ClusterWatcher(KubernetesClient client, List<String> namespaces, Duration recheck) {
        this(client, namespaces, recheck, CachedFields.wholeObjects());
    }

    /**
     * @param cachedFields which fields the informer caches keep per resource
     */
    public ClusterWatcher(KubernetesClient client, List<String> namespaces, Duration recheck,
                          CachedFields cachedFields) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespaces = List.copyOf(namespaces);
        this.recheck = Objects.requireNonNull(recheck, "recheck");
        this.cachedFields = Objects.requireNonNull(cachedFields, "cachedFields");
    }

    /**
     * Watches exactly {@code types} from now on: starts informers for new ones, stops those no
     * longer wanted, and leaves the others running (no re-list).
     */
    public void watch(Set<ResourceType> types, ObjectSink sink) {
        watch(types, Set.of(), sink);
    }

    /**
     * Like {@link #watch(Set, ObjectSink)}, where the resources in {@code optional} may be missing
     * from the cluster: those the cluster does not serve are left {@link #degraded()} and looked up
     * again periodically.
     */
    public synchronized void watch(Set<ResourceType> types, Set<ResourceType> optional, ObjectSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
        for (ResourceType type : List.copyOf(informers.keySet())) {
            if (!types.contains(type)) {
                informers.remove(type).forEach(SharedIndexInformer::stop);
                LOG.info("Stopped watching {}", type);
            }
        }
        degraded.keySet().retainAll(types);
        for (ResourceType type : types) {
            if (informers.containsKey(type) || degraded.containsKey(type) && optional.contains(type)) {
                continue;
            }
            Optional<String> missing = optional.contains(type) ? notServed(type) : Optional.empty();
            if (missing.isPresent()) {
                degraded.put(type, missing.get());
                String every = recheck.toMillis() >= 1000 ? recheck.toSeconds() + " s" : recheck.toMillis() + " ms";
                LOG.warn("{}: nothing of this kind gets links until the cluster serves it; looking again every {}",
                        missing.get(), every);
            } else {
                degraded.remove(type);
                informers.put(type, start(type, sink));
            }
        }
        if (!degraded.isEmpty() && rechecker == null) {
            rechecker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "api-recheck");
                thread.setDaemon(true);
                return thread;
            });
            rechecker.scheduleWithFixedDelay(this::recheckDegraded, recheck.toMillis(), recheck.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** The optional resources the cluster does not serve, each with a readable reason. */
    public synchronized Map<ResourceType, String> degraded() {
        return Map.copyOf(degraded);
    }

    /** Looks up every degraded API again and starts watching those the cluster serves now. */
    private void recheckDegraded() {
        List<ResourceType> waiting;
        synchronized (this) {
            waiting = List.copyOf(degraded.keySet());
        }
        for (ResourceType type : waiting) {
            // Discovery is a network call: made outside the lock so look-ups and readiness never wait for it.
            boolean served = notServed(type).isEmpty();
            synchronized (this) {
                if (served && degraded.remove(type) != null && sink != null) {
                    LOG.info("The cluster serves {} now; watching it", type);
                    informers.put(type, start(type, sink));
                }
            }
        }
    }

    /** Why the cluster does not serve {@code type}, from its API discovery; empty when it does. */
    private Optional<String> notServed(ResourceType type) {
        try {
            APIResourceList resources = client.getApiResources(type.apiVersion());
            boolean listed = resources != null && resources.getResources() != null && resources.getResources()
                    .stream().map(APIResource::getName).anyMatch(type.plural()::equals);
            return listed ? Optional.empty()
                    : Optional.of("The cluster does not serve " + type.plural() + " in " + type.apiVersion());
        } catch (KubernetesClientException e) {
            return Optional.of("Looking up " + type.plural() + " in " + type.apiVersion() + " failed: "
                    + e.getMessage());
        }
    }

    /** Waits until every informer has listed its objects once; false when {@code timeout} passed first. */
    public boolean awaitSynced(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isSynced()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Whether every informer has listed its objects once. */
    public synchronized boolean isSynced() {
        return informers.values().stream().flatMap(List::stream).allMatch(SharedIndexInformer::hasSynced);
    }

    /** The resources whose informers have not synced yet, for readiness reports. */
    public synchronized List<ResourceType> unsynced() {
        List<ResourceType> pending = new ArrayList<>();
        informers.forEach((type, list) -> {
            if (!list.stream().allMatch(SharedIndexInformer::hasSynced)) {
                pending.add(type);
            }
        });
        return pending;
    }

    /** Every cached object of {@code type}. */
    public void forEachCached(ResourceType type, Consumer<KubeObject> action) {
        for (SharedIndexInformer<GenericKubernetesResource> informer : informersOf(type)) {
            informer.getStore().list().forEach(resource -> action.accept(new GenericObjectView(resource)));
        }
    }

    @Override
    public Optional<KubeObject> byName(ResourceType type, String namespace, String name) {
        String key = namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
        for (SharedIndexInformer<GenericKubernetesResource> informer : informersOf(type)) {
            GenericKubernetesResource found = informer.getStore().getByKey(key);
            if (found != null) {
                return Optional.of(new GenericObjectView(found));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<KubeObject> byUid(String uid) {
        List<SharedIndexInformer<GenericKubernetesResource>> all;
        synchronized (this) {
            all = informers.values().stream().flatMap(List::stream).toList();
        }
        for (SharedIndexInformer<GenericKubernetesResource> informer : all) {
            List<GenericKubernetesResource> found = informer.getIndexer().byIndex(UID_INDEX, uid);
            if (!found.isEmpty()) {
                return Optional.of(new GenericObjectView(found.get(0)));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (rechecker != null) {
            rechecker.shutdownNow();
        }
        informers.values().forEach(list -> list.forEach(SharedIndexInformer::stop));
        informers.clear();
    }

    private synchronized List<SharedIndexInformer<GenericKubernetesResource>> informersOf(ResourceType type) {
        return List.copyOf(informers.getOrDefault(type, List.of()));
    }

    private List<SharedIndexInformer<GenericKubernetesResource>> start(ResourceType type, ObjectSink sink) {
        ResourceDefinitionContext context = new ResourceDefinitionContext.Builder()
                .withGroup(type.group())
                .withVersion(type.version())
                .withPlural(type.plural())
                .withKind(type.kind())
                .withNamespaced(type.namespaced())
                .build();
        List<SharedIndexInformer<GenericKubernetesResource>> started = new ArrayList<>();
        if (!type.namespaced() || namespaces.isEmpty()) {
            started.add(start(type, client.genericKubernetesResources(context).inAnyNamespace().runnableInformer(0),
                    sink, "all namespaces"));
        } else {
            for (String namespace : namespaces) {
                started.add(start(type, client.genericKubernetesResources(context).inNamespace(namespace)
                        .runnableInformer(0), sink, "namespace " + namespace));
            }
        }
        return started;
    }

    private SharedIndexInformer<GenericKubernetesResource> start(ResourceType type,
            SharedIndexInformer<GenericKubernetesResource> informer, ObjectSink sink, String scope) {
        cachedFields.forResource(type).ifPresent(fields -> informer.itemStore(new ReducedStateItemStore<>(
                ReducedStateItemStore.NAME_KEY_STATE, GenericKubernetesResource.class,
                client.getKubernetesSerialization(), fields.toArray(String[]::new))));
        informer.addIndexers(Map.of(UID_INDEX, resource -> resource.getMetadata() == null
                || resource.getMetadata().getUid() == null ? List.of() : List.of(resource.getMetadata().getUid())));
        informer.addEventHandler(new SinkHandler(type, sink));
        informer.start().whenComplete((ignored, error) -> {
            if (error != null && closed) {
                LOG.debug("Watching {} in {} ended by shutdown before it was established", type, scope);
            } else if (error != null) {
                LOG.error("Watching {} in {} failed: {}", type, scope, error.getMessage());
            } else {
                LOG.info("Watching {} in {}", type, scope);
            }
        });
        return informer;
    }

    /** Adapts informer callbacks to the sink, so that no object can break the informer. */
    private record SinkHandler(ResourceType type, ObjectSink sink) implements ResourceEventHandler<GenericKubernetesResource> {
        @Override
        public void onAdd(GenericKubernetesResource resource) {
            deliver(resource, false);
        }

        @Override
        public void onUpdate(GenericKubernetesResource previous, GenericKubernetesResource resource) {
            deliver(resource, false);
        }

        @Override
        public void onDelete(GenericKubernetesResource resource, boolean finalStateUnknown) {
            deliver(resource, true);
        }

        private void deliver(GenericKubernetesResource resource, boolean deleted) {
            try {
                KubeObject object = new GenericObjectView(resource);
                if (deleted) {
                    sink.delete(type, object);
                } else {
                    sink.upsert(type, object);
                }
            } catch (RuntimeException e) {
                LOG.warn("Skipped a {} event for {}: {}", type.kind(), resource.getMetadata() == null ? "?"
                        : resource.getMetadata().getName(), e.toString());
            }
        }
    }
}
