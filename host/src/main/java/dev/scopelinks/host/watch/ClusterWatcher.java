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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the cluster with one fabric8 informer per resource (per namespace when the operator
 * lists namespaces) and hands every change to an {@link ObjectSink}. Providers that watch the same
 * resource share its informer. The informers' caches also answer {@link ObjectLookup}s.
 *
 * <p><b>Informers never stop for good while the host runs.</b> fabric8 gives up on some failures
 * (an initial list that fails, a watch closed by a malformed or ERROR event: "will stop"); every
 * informer here retries every failure with fabric8's backoff instead, and a health check
 * ({@code watch-health} thread) replaces any informer that stopped anyway. A replacement lists
 * again; the old cache keeps answering until the new one has synced, then the sink hears
 * {@link ObjectSink#relisted} so that objects deleted meanwhile leave the report.
 *
 * <p><b>Staleness is tracked per resource:</b> the last time each informer had a working watch,
 * failures and restarts ({@link WatchListener}); {@link #stale(Duration)} names the resources
 * without a working watch for longer than a bound. An outage is logged once per informer at WARN
 * with its reason, then only counted, and its end at INFO.
 *
 * <p>A resource marked optional (a CRD group, or an API version newer clusters dropped) is first
 * looked up in the cluster's API discovery. When the cluster does not serve it, no informer is
 * started (a watch on a missing API would only fail and retry); the resource is reported as
 * {@link #degraded() degraded} and looked up again every {@code recheck}, so an API installed later
 * is watched from then on without a restart.
 */
public final class ClusterWatcher implements ObjectLookup, ObjectCache, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterWatcher.class);

    /** How often an optional API the cluster did not serve is looked up again, unless told otherwise. */
    public static final Duration DEFAULT_RECHECK = Duration.ofSeconds(30);
    /**
     * Objects per list page. A whole-cluster list in one response holds every object twice at
     * once (the body and its parsed form) before any is trimmed: 200 Deployments with a 200 KB
     * {@code last-applied-configuration} each are 80 MB, more than the {@code small} heap. Pages of
     * 100 bound that to a few tens of MB; 50,000 Pods take 500 requests to list.
     */
    static final long LIST_PAGE = 100;

    /** How often every informer's watch is checked, unless told otherwise. */
    public static final Duration DEFAULT_HEALTH_INTERVAL = Duration.ofSeconds(1);

    private final KubernetesClient client;
    private final List<String> namespaces;
    private final Duration recheck;
    private final Duration healthInterval;
    private final WatchListener listener;
    private volatile CachedFields cachedFields;
    private final Map<ResourceType, List<Feed>> feeds = new LinkedHashMap<>();
    private final Map<ResourceType, String> degraded = new LinkedHashMap<>();
    private ObjectSink sink;
    private ScheduledExecutorService rechecker;
    private ScheduledExecutorService health;
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
        this(client, namespaces, recheck, cachedFields, WatchListener.NONE, DEFAULT_HEALTH_INTERVAL);
    }

    /**
     * @param listener       hears failures, restarts and watch ages, for metrics
     * @param healthInterval how often every informer's watch is checked
     */
    public ClusterWatcher(KubernetesClient client, List<String> namespaces, Duration recheck,
                          CachedFields cachedFields, WatchListener listener, Duration healthInterval) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespaces = List.copyOf(namespaces);
        this.recheck = Objects.requireNonNull(recheck, "recheck");
        this.cachedFields = Objects.requireNonNull(cachedFields, "cachedFields");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.healthInterval = Objects.requireNonNull(healthInterval, "healthInterval");
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
    public void watch(Set<ResourceType> types, Set<ResourceType> optional, ObjectSink sink) {
        watch(types, optional, cachedFields, sink);
    }

    /**
     * Like {@link #watch(Set, Set, ObjectSink)}, caching {@code fields} from now on. A running
     * informer whose cache dropped something {@code fields} needs lists its resource again (the
     * old cache serves until the new one has synced); one that keeps more than needed stays.
     */
    public synchronized void watch(Set<ResourceType> types, Set<ResourceType> optional, CachedFields fields,
                                   ObjectSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.cachedFields = Objects.requireNonNull(fields, "fields");
        for (ResourceType type : List.copyOf(feeds.keySet())) {
            if (!types.contains(type)) {
                feeds.remove(type).forEach(Feed::stop);
                listener.watchDropped(type);
                LOG.info("Stopped watching {}", type);
            }
        }
        degraded.keySet().retainAll(types);
        for (ResourceType type : types) {
            List<Feed> running = feeds.get(type);
            if (running != null) {
                Optional<CachedFields.Trim> needed = fields.trim(type);
                for (Feed feed : running) {
                    String missing = feed.missing(needed);
                    if (!missing.isEmpty()) {
                        LOG.info("Listing {} in {} again: the config now reads {} that its cache did not keep",
                                type, feed.scope, missing);
                        feed.replace(needed);
                    }
                }
                continue;
            }
            if (degraded.containsKey(type) && optional.contains(type)) {
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
                feeds.put(type, start(type));
            }
        }
        if (!degraded.isEmpty() && rechecker == null) {
            rechecker = Executors.newSingleThreadScheduledExecutor(daemon("api-recheck"));
            rechecker.scheduleWithFixedDelay(this::recheckDegraded, recheck.toMillis(), recheck.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        if (health == null && !closed) {
            health = Executors.newSingleThreadScheduledExecutor(daemon("watch-health"));
            health.scheduleWithFixedDelay(this::checkHealth, healthInterval.toMillis(), healthInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
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
                if (served && degraded.remove(type) != null && sink != null && !closed) {
                    LOG.info("The cluster serves {} now; watching it", type);
                    feeds.put(type, start(type));
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

    /**
     * Waits until every informer has listed its objects once; false when {@code timeout} passed
     * first. An interrupt (a stop request during start-up) ends the wait at once.
     */
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
        return allFeeds().stream().allMatch(feed -> feed.informer.hasSynced());
    }

    /** The resources whose informers have not synced yet, for readiness reports. */
    public synchronized List<ResourceType> unsynced() {
        List<ResourceType> pending = new ArrayList<>();
        feeds.forEach((type, list) -> {
            if (!list.stream().allMatch(feed -> feed.informer.hasSynced())) {
                pending.add(type);
            }
        });
        return pending;
    }

    /**
     * The watched resources that have been without a working watch for longer than {@code after},
     * each with how long and the last failure; empty while every watch works.
     */
    public List<String> stale(Duration after) {
        long now = System.nanoTime();
        List<String> stale = new ArrayList<>();
        for (Feed feed : feedsNow()) {
            long age = feed.ageNanos(now);
            if (age > after.toNanos()) {
                stale.add(feed.type + " in " + feed.scope + ": no working watch for " + TimeUnit.NANOSECONDS
                        .toSeconds(age) + " s (" + Objects.requireNonNullElse(feed.lastError, "reconnecting") + ")");
            }
        }
        return stale;
    }

    /** Every cached object of {@code type}. */
    @Override
    public void forEachCached(ResourceType type, Consumer<KubeObject> action) {
        for (CompactItemStore store : storesOf(type)) {
            store.forEach(action::accept);
        }
    }

    /** The uids of every cached object of {@code type}. */
    @Override
    public Set<String> cachedUids(ResourceType type) {
        Set<String> uids = new HashSet<>();
        for (CompactItemStore store : storesOf(type)) {
            store.addUids(uids);
        }
        return uids;
    }

    /** Whether every informer of {@code type} has synced, so its cache is the whole truth. */
    @Override
    public boolean isSynced(ResourceType type) {
        List<SharedIndexInformer<GenericKubernetesResource>> informers = informersOf(type);
        return !informers.isEmpty() && informers.stream().allMatch(SharedIndexInformer::hasSynced);
    }

    /** The cached object of {@code type} with {@code uid}, as it is now. */
    @Override
    public Optional<KubeObject> cached(ResourceType type, String uid) {
        for (CompactItemStore store : storesOf(type)) {
            CachedObject found = store.byUid(uid);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<KubeObject> byName(ResourceType type, String namespace, String name) {
        for (CompactItemStore store : storesOf(type)) {
            CachedObject found = store.byName(namespace, name);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<KubeObject> byUid(String uid) {
        for (Feed feed : feedsNow()) {
            CachedObject found = feed.store.byUid(uid);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        List<Feed> all;
        synchronized (this) {
            closed = true;
            if (rechecker != null) {
                rechecker.shutdownNow();
            }
            if (health != null) {
                health.shutdownNow();
            }
            all = allFeeds();
            feeds.clear();
        }
        all.forEach(Feed::stop);
    }

    private List<Feed> allFeeds() {
        return feeds.values().stream().flatMap(List::stream).toList();
    }

    private synchronized List<Feed> feedsNow() {
        return allFeeds();
    }

    private synchronized List<SharedIndexInformer<GenericKubernetesResource>> informersOf(ResourceType type) {
        return feeds.getOrDefault(type, List.of()).stream().map(feed -> feed.informer).toList();
    }

    private synchronized List<CompactItemStore> storesOf(ResourceType type) {
        return feeds.getOrDefault(type, List.of()).stream().map(feed -> feed.store).toList();
    }

    private List<Feed> start(ResourceType type) {
        ResourceDefinitionContext context = new ResourceDefinitionContext.Builder()
                .withGroup(type.group())
                .withVersion(type.version())
                .withPlural(type.plural())
                .withKind(type.kind())
                .withNamespaced(type.namespaced())
                .build();
        List<Feed> started = new ArrayList<>();
        Optional<CachedFields.Trim> trim = cachedFields.trim(type);
        if (!type.namespaced() || namespaces.isEmpty()) {
            started.add(new Feed(type, context, null, trim));
        } else {
            for (String namespace : namespaces) {
                started.add(new Feed(type, context, namespace, trim));
            }
        }
        return started;
    }

    /** Looks at every informer: notes working watches, logs outages and recoveries, replaces stopped ones. */
    private void checkHealth() {
        try {
            long now = System.nanoTime();
            Map<ResourceType, Long> ages = new LinkedHashMap<>();
            for (Feed feed : feedsNow()) {
                feed.check(now);
                ages.merge(feed.type, feed.ageNanos(now), Math::max);
            }
            ages.forEach((type, age) -> listener.watchAge(type, age / 1e9));
        } catch (RuntimeException e) {
            LOG.warn("Checking the watches failed; checking again in {} ms", healthInterval.toMillis(), e);
        }
    }

    /** A readable reason from a failure: its message and, when different, the innermost cause's. */
    static String reason(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = Objects.toString(error.getMessage(), error.getClass().getSimpleName());
        String text = root == error ? outer : outer + " (" + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
        text = text.replaceAll("\\s+", " ");
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /**
     * One informer of one resource in one scope, and its health. The informer is replaced, never
     * abandoned: while a replacement lists, the current one keeps answering look-ups.
     */
    private final class Feed {
        final ResourceType type;
        final ResourceDefinitionContext context;
        final String namespace;
        final String scope;
        volatile SharedIndexInformer<GenericKubernetesResource> informer;
        /** The current informer's cache, which look-ups read. */
        volatile CompactItemStore store;
        volatile SharedIndexInformer<GenericKubernetesResource> replacement;
        /** The replacement's cache, which keeps what the replacement was started for. */
        volatile CompactItemStore replacementStore;
        /** When this feed last had a working watch (or started). */
        volatile long lastGood = System.nanoTime();
        volatile String lastError;
        volatile boolean everWatched;
        final AtomicBoolean failing = new AtomicBoolean();
        final AtomicLong failures = new AtomicLong();
        volatile long failingSince;

        Feed(ResourceType type, ResourceDefinitionContext context, String namespace, Optional<CachedFields.Trim> trim) {
            this.type = type;
            this.context = context;
            this.namespace = namespace;
            this.scope = namespace == null ? "all namespaces" : "namespace " + namespace;
            this.store = new CompactItemStore(trim);
            this.informer = newInformer(store);
        }

        String missing(Optional<CachedFields.Trim> needed) {
            Optional<CachedFields.Trim> trim = store.trim();
            if (trim.isEmpty()) {
                return ""; // whole objects hold everything
            }
            return needed.map(trim.get()::missing).orElse("whole objects");
        }

        /** Starts a replacement that lists again, keeping {@code next}; swapped in once it has synced. */
        synchronized void replace(Optional<CachedFields.Trim> next) {
            if (replacement != null) {
                replacement.stop();
            }
            replacementStore = new CompactItemStore(next);
            replacement = newInformer(replacementStore);
        }

        synchronized void check(long now) {
            SharedIndexInformer<GenericKubernetesResource> pending = replacement;
            if (pending != null && !pending.isRunning() && !closed) {
                replace(replacementStore.trim());
                pending = replacement;
            }
            if (pending != null && pending.hasSynced()) {
                SharedIndexInformer<GenericKubernetesResource> old = informer;
                store = replacementStore;
                informer = pending;
                replacement = null;
                replacementStore = null;
                old.stop();
                LOG.info("Watching {} in {} with a fresh list", type, scope);
                sink.relisted(type);
            }
            SharedIndexInformer<GenericKubernetesResource> current = informer;
            if (current.isWatching()) {
                lastGood = now;
                everWatched = true;
                if (failing.compareAndSet(true, false)) {
                    LOG.info("Watching {} in {} again after {} s ({} failure(s) meanwhile)", type, scope,
                            TimeUnit.NANOSECONDS.toSeconds(now - failingSince), failures.getAndSet(0));
                }
                return;
            }
            if (!current.isRunning() && replacement == null && !closed) {
                // fabric8 gave up on this informer; nothing would ever list or watch again.
                noteFailure("the informer stopped" + (lastError == null ? "" : " after: " + lastError));
                listener.watchRestarted(type);
                replace(store.trim());
                return;
            }
            if (everWatched && now - lastGood > 3 * healthInterval.toNanos()) {
                noteFailure(Objects.requireNonNullElse(lastError, "the watch connection is down; reconnecting"));
            }
        }

        /** Logs the first failure of an outage at WARN; later ones are only counted. */
        void noteFailure(String reason) {
            failures.incrementAndGet();
            if (failing.compareAndSet(false, true)) {
                failingSince = System.nanoTime();
                LOG.warn("Watching {} in {} failed: {}. The report keeps the last good data; retrying with backoff "
                        + "(further failures are counted in scope_links_watch_errors_total)", type, scope, reason);
            } else {
                LOG.debug("Watching {} in {} failed again: {}", type, scope, reason);
            }
        }

        long ageNanos(long now) {
            return informer.isWatching() ? 0 : Math.max(0, now - lastGood);
        }

        void stop() {
            SharedIndexInformer<GenericKubernetesResource> pending = replacement;
            if (pending != null) {
                pending.stop();
            }
            informer.stop();
        }

        private SharedIndexInformer<GenericKubernetesResource> newInformer(CompactItemStore keep) {
            SharedIndexInformer<GenericKubernetesResource> created = namespace == null
                    ? client.genericKubernetesResources(context).inAnyNamespace().withLimit(LIST_PAGE)
                            .runnableInformer(0)
                    : client.genericKubernetesResources(context).inNamespace(namespace).withLimit(LIST_PAGE)
                            .runnableInformer(0);
            created.itemStore(keep);
            // Look-ups go to the store's own uid and key maps; fabric8's namespace index would only
            // cost a set entry per object.
            created.removeNamespaceIndex();
            created.addEventHandler(new SinkHandler(this));
            // fabric8's default gives up after a failed first list or a watch closed by a bad event;
            // retrying every failure (with its backoff) is what keeps the report from going stale for good.
            created.exceptionHandler((started, error) -> {
                if (closed) {
                    return false;
                }
                lastError = reason(error);
                listener.watchFailed(type);
                noteFailure(lastError);
                return true;
            });
            created.start().whenComplete((ignored, error) -> {
                if (error != null && closed) {
                    LOG.debug("Watching {} in {} ended by shutdown before it was established", type, scope);
                } else if (error != null) {
                    LOG.debug("Watching {} in {} did not start: {}", type, scope, reason(error));
                } else {
                    LOG.info("Watching {} in {}", type, scope);
                }
            });
            return created;
        }
    }

    /** Adapts informer callbacks to the sink, so that no object can break the informer. */
    private final class SinkHandler implements ResourceEventHandler<GenericKubernetesResource> {
        private final Feed feed;

        SinkHandler(Feed feed) {
            this.feed = feed;
        }

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
                listener.watchEvent(feed.type, System.currentTimeMillis());
                KubeObject object = new GenericObjectView(resource);
                if (deleted) {
                    sink.delete(feed.type, object);
                } else {
                    sink.upsert(feed.type, object);
                }
            } catch (RuntimeException e) {
                LOG.warn("Skipped a {} event for {}: {}", feed.type.kind(), resource.getMetadata() == null ? "?"
                        : resource.getMetadata().getName(), e.toString());
            }
        }
    }
}
