package dev.scopelinks.host.report;

import dev.scopelinks.host.render.ObjectRenderer;
import dev.scopelinks.host.render.RenderedNode;
import dev.scopelinks.host.watch.ObjectCache;
import dev.scopelinks.host.watch.ObjectSink;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report model's only writer. Informer threads only queue "the object with this uid changed";
 * one thread ({@code report-render}) takes each queued uid, renders the object as the informer's
 * cache holds it <em>now</em>, and treats an object the cache no longer holds as deleted. Whatever
 * order events, re-renders and reloads arrive in, the last word about an object is its cached
 * state, so a delete can never be overwritten by a stale copy (a "ghost" node). Re-rendering
 * everything (at start, after a config reload) and the periodic reconcile, which drops nodes of
 * objects no longer cached, go through the same queue.
 *
 * <p>A provider that throws loses that object's links, never the report.
 */
public final class ReportUpdater implements ObjectSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReportUpdater.class);

    /** How often nodes of objects no longer cached are looked for, unless told otherwise. */
    public static final Duration DEFAULT_RECONCILE = Duration.ofSeconds(60);

    /** Hears about objects a provider threw on, e.g. to count them. */
    @FunctionalInterface
    public interface FailureListener {
        /**
         * @param providerId the provider
         * @param object     the object, as its {@code toString()}
         * @param error      what the provider threw
         */
        void providerFailed(String providerId, String object, Throwable error);
    }

    private final ReportModel model;
    private final ReportPublisher publisher;
    private final FailureListener failures;
    private final ObjectCache cache;
    private final long reconcileNanos;
    private final Thread thread;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}: uids waiting to be rendered, each once however often it changed. */
    private final LinkedHashSet<Key> changed = new LinkedHashSet<>();
    /** Guarded by {@link #lock}: work on the whole model, in the order asked. */
    private final ArrayDeque<Runnable> commands = new ArrayDeque<>();
    /** Only read and written on the writer thread. */
    private Map<ResourceType, List<ObjectRenderer>> renderers = Map.of();
    private volatile boolean closed;

    /**
     * @param cache     the informers' caches, read for each object's latest state
     * @param reconcile how often nodes of objects no longer cached are dropped
     */
    public ReportUpdater(ReportModel model, ReportPublisher publisher, FailureListener failures, ObjectCache cache,
                         Duration reconcile) {
        this.model = Objects.requireNonNull(model, "model");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.reconcileNanos = reconcile.toNanos();
        this.thread = new Thread(this::run, "report-render");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Uses {@code renderers} from now on, drops the topologies no renderer feeds, and renders every
     * cached object again (at start and after a config reload).
     */
    public void useRenderers(List<ObjectRenderer> renderers) {
        Map<ResourceType, List<ObjectRenderer>> byType = new LinkedHashMap<>();
        for (ObjectRenderer renderer : renderers) {
            byType.computeIfAbsent(renderer.plan().watches(), type -> new ArrayList<>()).add(renderer);
        }
        byType.replaceAll((type, list) -> List.copyOf(list));
        Map<ResourceType, List<ObjectRenderer>> next = Map.copyOf(byType);
        Set<ScopeTopology> topologies = new LinkedHashSet<>();
        renderers.forEach(renderer -> topologies.add(renderer.plan().topology()));
        command(() -> {
            this.renderers = next;
            boolean dropped = model.retainOnly(topologies);
            if (renderAll() || dropped) {
                publisher.requestRebuild();
            }
        });
    }

    /** Renders every cached object again and drops nodes of objects no longer cached. */
    public void rerenderAll() {
        command(() -> {
            if (renderAll()) {
                publisher.requestRebuild();
            }
        });
    }

    /** Renders again the cached objects of {@code types} (e.g. once the objects they look up are listed). */
    public void rerender(Set<ResourceType> types) {
        command(() -> {
            boolean changedAny = false;
            for (ResourceType type : types) {
                changedAny |= renderType(type);
            }
            if (changedAny) {
                publisher.requestRebuild();
            }
        });
    }

    /** Drops, now, the nodes of objects no longer cached (it also happens periodically). */
    public void reconcile() {
        command(() -> {
            if (reconcileAll()) {
                publisher.requestRebuild();
            }
        });
    }

    /** Waits until everything queued before this call has reached the model. */
    public void settle() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        command(done::countDown);
        while (!done.await(100, TimeUnit.MILLISECONDS)) {
            if (closed) {
                return;
            }
        }
    }

    @Override
    public void upsert(ResourceType type, KubeObject object) {
        changed(type, object.uid());
    }

    @Override
    public void delete(ResourceType type, KubeObject object) {
        changed(type, object.uid());
    }

    @Override
    public void relisted(ResourceType type) {
        command(() -> {
            if (reconcileType(type) | renderType(type)) {
                publisher.requestRebuild();
            }
        });
    }

    private void changed(ResourceType type, String uid) {
        synchronized (lock) {
            changed.add(new Key(type, uid));
            lock.notifyAll();
        }
    }

    private void command(Runnable command) {
        synchronized (lock) {
            commands.add(command);
            lock.notifyAll();
        }
    }

    private void run() {
        long nextReconcile = System.nanoTime() + reconcileNanos;
        List<Key> batch = new ArrayList<>();
        while (!closed) {
            Runnable command = null;
            synchronized (lock) {
                while (commands.isEmpty() && changed.isEmpty() && !closed) {
                    long wait = nextReconcile - System.nanoTime();
                    if (wait <= 0) {
                        break;
                    }
                    try {
                        lock.wait(Math.max(1, wait / 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (!commands.isEmpty()) {
                    command = commands.poll();
                } else {
                    Iterator<Key> keys = changed.iterator();
                    while (keys.hasNext() && batch.size() < 512) {
                        batch.add(keys.next());
                        keys.remove();
                    }
                }
            }
            try {
                if (command != null) {
                    command.run();
                } else if (!batch.isEmpty()) {
                    boolean changedAny = false;
                    for (Key key : batch) {
                        changedAny |= render(key);
                    }
                    if (changedAny) {
                        publisher.requestRebuild();
                    }
                } else if (System.nanoTime() - nextReconcile >= 0) {
                    nextReconcile = System.nanoTime() + reconcileNanos;
                    if (reconcileAll()) {
                        LOG.info("Removed nodes of objects that are no longer in the cluster");
                        publisher.requestRebuild();
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.error("Updating the report failed; carrying on with the next change", e);
            } finally {
                batch.clear();
            }
        }
    }

    /** Renders one object as the cache holds it now, or removes its nodes when the cache no longer does. */
    private boolean render(Key key) {
        List<ObjectRenderer> forType = renderers.getOrDefault(key.type(), List.of());
        if (forType.isEmpty()) {
            return false;
        }
        Optional<KubeObject> object = cache.cached(key.type(), key.uid());
        if (object.isPresent()) {
            return put(forType, object.get());
        }
        boolean changedAny = false;
        for (ObjectRenderer renderer : forType) {
            changedAny |= model.remove(renderer.plan().topology(), key.uid());
        }
        return changedAny;
    }

    private boolean put(List<ObjectRenderer> forType, KubeObject object) {
        boolean changedAny = false;
        for (ObjectRenderer renderer : forType) {
            List<RenderedNode> nodes;
            try {
                nodes = renderer.render(object);
            } catch (RuntimeException | LinkageError e) {
                failures.providerFailed(renderer.plan().id(), object.toString(), e);
                nodes = List.of();
            }
            changedAny |= model.put(renderer.plan().topology(), object.uid(), nodes);
        }
        return changedAny;
    }

    private boolean renderAll() {
        synchronized (lock) {
            // Queued uids are covered by this pass: it reads each object's state as cached now (the
            // cache is updated before its event is queued), and the reconcile after it drops what is
            // gone. Changes from here on are queued again. At start-up this halves the rendering.
            changed.removeIf(key -> renderers.containsKey(key.type()));
        }
        boolean changedAny = false;
        for (ResourceType type : renderers.keySet()) {
            changedAny |= renderType(type);
        }
        return reconcileAll() | changedAny;
    }

    private boolean renderType(ResourceType type) {
        List<ObjectRenderer> forType = renderers.getOrDefault(type, List.of());
        if (forType.isEmpty()) {
            return false;
        }
        boolean[] changedAny = {false};
        cache.forEachCached(type, object -> changedAny[0] |= put(forType, object));
        return changedAny[0];
    }

    private boolean reconcileAll() {
        boolean changedAny = false;
        for (ResourceType type : renderers.keySet()) {
            changedAny |= reconcileType(type);
        }
        return changedAny;
    }

    /** Drops nodes of {@code type}'s objects that its cache no longer holds; only once the cache is listed in full. */
    private boolean reconcileType(ResourceType type) {
        if (!cache.isSynced(type)) {
            return false;
        }
        Set<String> uids = cache.cachedUids(type);
        boolean changedAny = false;
        for (ObjectRenderer renderer : renderers.getOrDefault(type, List.of())) {
            changedAny |= model.retainObjects(renderer.plan().topology(), uids);
        }
        return changedAny;
    }

    /** Stops the writer thread; queued changes are dropped (the host is going away). */
    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        thread.interrupt();
    }

    private record Key(ResourceType type, String uid) {
    }
}
