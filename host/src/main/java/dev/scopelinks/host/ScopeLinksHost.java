package dev.scopelinks.host;

import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.plugin.ProviderLoadFailure;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.render.ObjectRenderer;
import dev.scopelinks.host.plan.ProviderPlan;
import dev.scopelinks.host.report.ReportLayout;
import dev.scopelinks.host.report.ReportModel;
import dev.scopelinks.host.report.ReportPublisher;
import dev.scopelinks.host.report.ReportUpdater;
import dev.scopelinks.host.report.ReportSnapshot;
import dev.scopelinks.host.server.ConnectionPolicy;
import dev.scopelinks.host.server.PluginSocketServer;
import dev.scopelinks.host.server.SocketInUseException;
import dev.scopelinks.host.shard.PluginSockets;
import dev.scopelinks.host.watch.CachedFields;
import dev.scopelinks.host.watch.ClusterWatcher;
import dev.scopelinks.spi.LinkProvider;
import dev.scopelinks.spi.ProviderContext;
import dev.scopelinks.spi.ResourceType;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: wires the report model, the socket server and the cluster watch for one
 * link plan, and takes them down again. Nothing else constructs these parts.
 */
public final class ScopeLinksHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScopeLinksHost.class);

    private final HostMetrics metrics;
    private final ReportModel model;
    private final ReportPublisher publisher;
    private final PluginSockets server;
    private final ClusterWatcher watcher;
    private final ReportUpdater updater;
    private final List<ProviderLoadFailure> catalogFailures;
    private final Watching watching;
    private final ProviderCatalog catalog;
    private volatile List<ProviderLoadFailure> failures;
    /** The provider instances serving {@link #plan}; closed when a reload replaces them and at shutdown. */
    private volatile List<ObjectRenderer> renderers;
    private volatile LinkPlan plan;

    private ScopeLinksHost(HostMetrics metrics, ReportModel model, ReportPublisher publisher, PluginSockets server,
                           ClusterWatcher watcher, ReportUpdater updater, List<ProviderLoadFailure> catalogFailures,
                           List<ProviderLoadFailure> failures, LinkPlan plan, Watching watching,
                           ProviderCatalog catalog, List<ObjectRenderer> renderers) {
        this.metrics = metrics;
        this.model = model;
        this.publisher = publisher;
        this.server = server;
        this.watcher = watcher;
        this.updater = updater;
        this.catalogFailures = List.copyOf(catalogFailures);
        this.failures = List.copyOf(failures);
        this.plan = plan;
        this.watching = watching;
        this.catalog = catalog;
        this.renderers = List.copyOf(renderers);
    }

    /**
     * How the host watches the cluster.
     *
     * @param apiRecheck     how often optional APIs the cluster does not serve are looked up again
     * @param staleAfter     how long a resource may be without a working watch before the host is not ready
     * @param reconcile      how often nodes of objects no longer cached are dropped
     * @param healthInterval how often every informer's watch is checked
     */
    public record Watching(Duration apiRecheck, Duration staleAfter, Duration reconcile, Duration healthInterval) {

        /** The defaults of {@code serve}. */
        public static final Watching DEFAULTS = new Watching(ClusterWatcher.DEFAULT_RECHECK, Duration.ofSeconds(60),
                ReportUpdater.DEFAULT_RECONCILE, ClusterWatcher.DEFAULT_HEALTH_INTERVAL);

        public Watching {
            Objects.requireNonNull(apiRecheck, "apiRecheck");
            Objects.requireNonNull(staleAfter, "staleAfter");
            Objects.requireNonNull(reconcile, "reconcile");
            Objects.requireNonNull(healthInterval, "healthInterval");
        }

        /** These settings with {@code staleAfter}. */
        public Watching withStaleAfter(Duration staleAfter) {
            return new Watching(apiRecheck, staleAfter, reconcile, healthInterval);
        }
    }

    /**
     * Starts serving {@code plan}: binds the socket (answering at once with a report that has no
     * nodes yet), then starts watching and waits, up to the sync timeout, for the first full list.
     */
    public static ScopeLinksHost start(HostSettings settings, LinkPlan plan, ProviderCatalog catalog,
                                       KubernetesClient client, HostMetrics metrics)
            throws IOException, SocketInUseException, InterruptedException {
        return start(settings, plan, catalog, client, metrics, Watching.DEFAULTS);
    }

    /**
     * Like {@link #start(HostSettings, LinkPlan, ProviderCatalog, KubernetesClient, HostMetrics)}, looking
     * up optional APIs the cluster does not serve again every {@code apiRecheck}.
     */
    public static ScopeLinksHost start(HostSettings settings, LinkPlan plan, ProviderCatalog catalog,
                                       KubernetesClient client, HostMetrics metrics, Duration apiRecheck)
            throws IOException, SocketInUseException, InterruptedException {
        Watching defaults = Watching.DEFAULTS;
        return start(settings, plan, catalog, client, metrics, new Watching(apiRecheck, defaults.staleAfter(),
                defaults.reconcile(), defaults.healthInterval()));
    }

    /**
     * Like {@link #start(HostSettings, LinkPlan, ProviderCatalog, KubernetesClient, HostMetrics)}, watching
     * as {@code watching} says. An interrupt (a stop request) while waiting for the first list ends
     * start-up at once: everything started is closed, the socket removed, and the interrupt rethrown.
     */
    public static ScopeLinksHost start(HostSettings settings, LinkPlan plan, ProviderCatalog catalog,
                                       KubernetesClient client, HostMetrics metrics, Watching watching)
            throws IOException, SocketInUseException, InterruptedException {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(watching, "watching");
        ReportModel model = new ReportModel(Clock.systemUTC());
        ReportPublisher publisher = new ReportPublisher(model, ReportLayout.of(plan), settings.coalesce(),
                settings.budget(), (snapshot, nanos) -> metrics.reportPublished(snapshot.bytes(), snapshot.nodes(),
                        snapshot.omittedNodes(), snapshot.shards().size(), snapshot.largestShardBytes(), nanos));
        PluginSockets server = new PluginSockets(settings::socketPath, path -> new PluginSocketServer.Settings(
                path, settings.idleTimeout(), settings.takeoverWait(), settings.maxConnections(),
                settings.headerTimeout(), settings.writeTimeout(), ConnectionPolicy.DEFAULT_WARN_INTERVAL),
                publisher, metrics);
        ClusterWatcher watcher = new ClusterWatcher(client, plan.config().namespaces(), watching.apiRecheck(),
                CachedFields.forPlan(plan, catalog.providers().values()), metrics, watching.healthInterval());
        ReportUpdater updater = new ReportUpdater(model, publisher, metrics::providerFailed, watcher,
                watching.reconcile());
        List<ProviderLoadFailure> failures = new ArrayList<>(catalog.failures());
        List<ObjectRenderer> renderers = renderers(plan, watcher, metrics, failures);
        updater.useRenderers(renderers);
        metrics.providerLoadFailures(failures.size());
        try {
            server.start();
        } catch (IOException | SocketInUseException | InterruptedException | RuntimeException e) {
            updater.close();
            publisher.close();
            closeProviders(renderers);
            throw e;
        }
        ScopeLinksHost host = new ScopeLinksHost(metrics, model, publisher, server, watcher, updater,
                catalog.failures(), failures, plan, watching, catalog, renderers);
        try {
            watcher.watch(plan.watchedResources(), plan.optionalResources(), updater);
            boolean synced = watcher.awaitSynced(settings.syncTimeout());
            // Informers hand listed objects over asynchronously and list in parallel (a Pod may be
            // rendered before its ReplicaSet is cached): one pass over the caches, then waiting for
            // the writer, makes the count below what is actually served.
            updater.rerenderAll();
            updater.settle();
            publisher.flush();
            if (synced) {
                LOG.info("Synced {} resource(s); {} node(s) have links", plan.watchedResources().size(),
                        publisher.snapshot().nodes());
            } else {
                LOG.warn("Not all resources listed within {} s (still waiting for {}); serving what is known",
                        settings.syncTimeout().toSeconds(), watcher.unsynced());
            }
        } catch (InterruptedException | RuntimeException e) {
            host.close();
            throw e;
        }
        return host;
    }

    private static List<ObjectRenderer> renderers(LinkPlan plan, ClusterWatcher watcher, HostMetrics metrics,
                                                  List<ProviderLoadFailure> failures) {
        List<ObjectRenderer> renderers = new ArrayList<>();
        for (ProviderPlan provider : plan.providers()) {
            ProviderContext context = ProviderContext.builder().clusterName(plan.config().cluster()).lookup(watcher)
                    .settings(provider.settings()).build();
            try {
                LinkProvider instance = provider.provider().create(context);
                renderers.add(new ObjectRenderer(provider, instance, metrics));
            } catch (RuntimeException | LinkageError e) {
                failures.add(new ProviderLoadFailure(provider.provider().source(), provider.id()
                        + " failed to start: " + e));
                LOG.error("Provider {} failed to start; its objects get no links", provider.id(), e);
            }
        }
        return renderers;
    }

    /**
     * Switches to {@code next} while serving: the socket stays open, informers of resources both
     * plans watch keep running (no re-list), new resources start informers and dropped ones stop,
     * and every cached object is rendered again with the new links.
     *
     * @throws IllegalArgumentException when {@code next} changes what only a restart can: the plugin
     *                                  id (the socket's name) or the watched namespaces
     */
    public synchronized void apply(LinkPlan next) {
        Objects.requireNonNull(next, "next");
        String id = plan.config().plugin().id();
        if (!id.equals(next.config().plugin().id())) {
            throw new IllegalArgumentException("plugin.id changed from '" + id + "' to '"
                    + next.config().plugin().id() + "': that renames the socket, so it takes a restart");
        }
        if (!plan.config().namespaces().equals(next.config().namespaces())) {
            throw new IllegalArgumentException("namespaces changed from " + plan.config().namespaces() + " to "
                    + next.config().namespaces() + ": that takes a restart");
        }
        List<ProviderLoadFailure> nextFailures = new ArrayList<>(catalogFailures);
        // The new labels first: a report with new labels and old values for a moment misleads no
        // one, while a rebuild between the renders and the layout would pair new links with old labels.
        publisher.setLayout(ReportLayout.of(next));
        // Queued before the watch changes, so that events of newly watched resources reach the
        // writer after it has the renderers for them.
        List<ObjectRenderer> previous = renderers;
        renderers = renderers(next, watcher, metrics, nextFailures);
        updater.useRenderers(renderers);
        failures = List.copyOf(nextFailures);
        metrics.providerLoadFailures(nextFailures.size());
        watcher.watch(next.watchedResources(), next.optionalResources(),
                CachedFields.forPlan(next, catalog.providers().values()), updater);
        plan = next;
        closeOnceReplaced(previous);
    }

    /**
     * Closes the providers a reload replaced, once the writer has switched to their successors, so
     * none is asked for nodes after (or while) it closes.
     */
    private void closeOnceReplaced(List<ObjectRenderer> previous) {
        try {
            updater.settle();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeProviders(previous);
    }

    /** Tells providers the host is done with them; each closes once its call under way has returned. */
    private static void closeProviders(List<ObjectRenderer> renderers) {
        renderers.forEach(renderer -> renderer.provider().close());
    }

    /**
     * The report once every object listed so far is rendered: informers hand listed objects to
     * their handlers asynchronously, so right after the first sync the served report can still lag
     * behind. For one-shot use ({@code scope-links report}).
     */
    public synchronized byte[] settledReport() throws InterruptedException {
        updater.rerenderAll();
        updater.settle();
        publisher.flush();
        return publisher.wholeBody();
    }

    /** The plan being served. */
    public LinkPlan plan() {
        return plan;
    }

    /** The plugin's own socket, the first shard's. */
    public Path socketPath() {
        return server.socketPath();
    }

    /** Every plugin socket open now, the plugin's own first; more than one while the report is sharded. */
    public List<Path> socketPaths() {
        return server.socketPaths();
    }

    /** The bytes served now on the plugin's own socket (the first shard). */
    public byte[] currentReport() {
        return publisher.body().toByteArray();
    }

    /** The report served now, every shard. */
    public ReportSnapshot currentSnapshot() {
        return publisher.snapshot();
    }

    /** Healthy while the socket server runs. */
    public boolean isHealthy() {
        return server.isRunning();
    }

    /**
     * Ready when healthy, every watched resource has been listed, and no resource has been without
     * a working watch for longer than the configured bound (the report then keeps serving the last
     * good data, but it is going stale and operators must see that).
     */
    public boolean isReady() {
        return isHealthy() && watcher.isSynced() && watcher.stale(watching.staleAfter()).isEmpty();
    }

    /** A readable account of readiness, for {@code /readyz}. */
    public String readiness() {
        StringBuilder text = new StringBuilder();
        text.append(isHealthy() ? "socket: serving " : "socket: down ").append(server.socketPath()).append('\n');
        List<Path> shards = server.socketPaths();
        shards.stream().skip(1).forEach(shard -> text.append("shard socket: serving ").append(shard).append('\n'));
        List<?> pending = watcher.unsynced();
        text.append(pending.isEmpty() ? "watch: synced\n" : "watch: waiting for " + pending + "\n");
        watcher.stale(watching.staleAfter()).forEach(stale -> text.append("stale: ").append(stale)
                .append("; serving the last good data\n"));
        ReportSnapshot snapshot = publisher.snapshot();
        text.append("report: ").append(snapshot.nodes()).append(" node(s), ").append(snapshot.bytes())
                .append(" bytes on ").append(snapshot.shards().size()).append(" socket(s)");
        if (snapshot.shards().size() > 1) {
            text.append(", largest ").append(snapshot.largestShardBytes()).append(" bytes");
        }
        text.append(" (budget ").append(publisher.budget().bytes()).append(" bytes per socket)\n");
        if (snapshot.omittedNodes() > 0) {
            text.append("degraded: ").append(snapshot.omittedNodes()).append(" node(s) left out: the report needs ")
                    .append(snapshot.wantedShards() > snapshot.shards().size() ? "sockets still being opened"
                            : "more than the " + publisher.budget().maxShards() + " socket(s) allowed (--max-shards)")
                    .append('\n');
        }
        failures.forEach(failure -> text.append("degraded: ").append(failure).append('\n'));
        degradedProviders().forEach((provider, reason) -> text.append("degraded: provider ").append(provider)
                .append(" not ready: ").append(reason).append('\n'));
        return text.toString();
    }

    /**
     * Providers whose optional API the cluster does not serve (yet), with the reason. They have no
     * nodes in the report; the API is looked up again periodically. The host stays ready: on a
     * cluster that dropped an API for good (CronJobs in {@code batch/v1beta1} from Kubernetes 1.25
     * on), readiness would otherwise never come.
     */
    public Map<String, String> degradedProviders() {
        Map<ResourceType, String> missing = watcher.degraded();
        Map<String, String> providers = new LinkedHashMap<>();
        plan.providers().stream().filter(provider -> missing.containsKey(provider.watches()))
                .forEach(provider -> providers.put(provider.id(), missing.get(provider.watches())));
        return providers;
    }

    public HostMetrics metrics() {
        return metrics;
    }

    /** Stops watching, removes every socket (and its directory when empty) and stops rebuilding. */
    @Override
    public void close() {
        List<Path> sockets = server.socketPaths();
        server.close();
        sockets.forEach(socket -> removeEmptyDirectory(socket.getParent()));
        watcher.close();
        updater.close();
        publisher.close();
        closeProviders(renderers);
    }

    /** The plugin's own directory goes with its socket; Scope's plugin root stays. */
    private static void removeEmptyDirectory(Path directory) {
        try {
            if (directory != null) {
                Files.deleteIfExists(directory);
            }
        } catch (DirectoryNotEmptyException e) {
            LOG.debug("Leaving {}: other files are in it", directory);
        } catch (IOException e) {
            LOG.debug("Could not remove {}: {}", directory, e.toString());
        }
    }
}
