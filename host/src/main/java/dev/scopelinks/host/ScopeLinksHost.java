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
import dev.scopelinks.host.server.PluginSocketServer;
import dev.scopelinks.host.server.SocketInUseException;
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
    private final PluginSocketServer server;
    private final ClusterWatcher watcher;
    private final ReportUpdater updater;
    private final List<ProviderLoadFailure> catalogFailures;
    private final Watching watching;
    private final ProviderCatalog catalog;
    private volatile List<ProviderLoadFailure> failures;
    private volatile LinkPlan plan;

    private ScopeLinksHost(HostMetrics metrics, ReportModel model, ReportPublisher publisher, PluginSocketServer server,
                           ClusterWatcher watcher, ReportUpdater updater, List<ProviderLoadFailure> catalogFailures,
                           List<ProviderLoadFailure> failures, LinkPlan plan, Watching watching,
                           ProviderCatalog catalog) {
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
                settings.maxReportBytes(), (snapshot, nanos) -> metrics.reportPublished(snapshot.body().length,
                        snapshot.nodes(), snapshot.omittedNodes(), nanos));
        String pluginId = plan.config().plugin().id();
        PluginSocketServer server = new PluginSocketServer(new PluginSocketServer.Settings(
                settings.socketPath(pluginId), settings.idleTimeout(), settings.takeoverWait(),
                settings.maxConnections()), publisher::body, metrics);
        ClusterWatcher watcher = new ClusterWatcher(client, plan.config().namespaces(), watching.apiRecheck(),
                CachedFields.forPlan(plan, catalog.providers().values()), metrics, watching.healthInterval());
        ReportUpdater updater = new ReportUpdater(model, publisher, metrics::providerFailed, watcher,
                watching.reconcile());
        List<ProviderLoadFailure> failures = new ArrayList<>(catalog.failures());
        updater.useRenderers(renderers(plan, watcher, metrics, failures));
        metrics.providerLoadFailures(failures.size());
        try {
            server.start();
        } catch (IOException | SocketInUseException | InterruptedException | RuntimeException e) {
            updater.close();
            publisher.close();
            throw e;
        }
        ScopeLinksHost host = new ScopeLinksHost(metrics, model, publisher, server, watcher, updater,
                catalog.failures(), failures, plan, watching, catalog);
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
        ProviderContext context = new ProviderContext(plan.config().cluster(), watcher);
        for (ProviderPlan provider : plan.providers()) {
            try {
                LinkProvider instance = provider.provider().factory().create(context);
                renderers.add(new ObjectRenderer(provider, Objects.requireNonNull(instance, "create() returned null"),
                        metrics));
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
        // Queued before the watch changes, so that events of newly watched resources reach the
        // writer after it has the renderers for them.
        updater.useRenderers(renderers(next, watcher, metrics, nextFailures));
        failures = List.copyOf(nextFailures);
        metrics.providerLoadFailures(nextFailures.size());
        publisher.setLayout(ReportLayout.of(next));
        watcher.watch(next.watchedResources(), next.optionalResources(),
                CachedFields.forPlan(next, catalog.providers().values()), updater);
        plan = next;
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
        return publisher.body();
    }

    /** The plan being served. */
    public LinkPlan plan() {
        return plan;
    }

    public Path socketPath() {
        return server.socketPath();
    }

    /** The bytes served now. */
    public byte[] currentReport() {
        return publisher.body();
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
        List<?> pending = watcher.unsynced();
        text.append(pending.isEmpty() ? "watch: synced\n" : "watch: waiting for " + pending + "\n");
        watcher.stale(watching.staleAfter()).forEach(stale -> text.append("stale: ").append(stale)
                .append("; serving the last good data\n"));
        text.append("report: ").append(publisher.snapshot().nodes()).append(" node(s), ")
                .append(publisher.body().length).append(" bytes\n");
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

    /** Stops watching, removes the socket (and its directory when empty) and stops rebuilding. */
    @Override
    public void close() {
        server.close();
        removeEmptyDirectory(server.socketPath().getParent());
        watcher.close();
        updater.close();
        publisher.close();
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
