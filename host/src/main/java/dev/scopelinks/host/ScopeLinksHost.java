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
    private volatile List<ProviderLoadFailure> failures;
    private volatile LinkPlan plan;
    /** The provider instances serving {@link #plan}; closed when a reload replaces them and at shutdown. */
    private volatile List<ObjectRenderer> renderers;

    private ScopeLinksHost(HostMetrics metrics, ReportModel model, ReportPublisher publisher, PluginSocketServer server,
                           ClusterWatcher watcher, ReportUpdater updater, List<ProviderLoadFailure> catalogFailures,
                           List<ProviderLoadFailure> failures, LinkPlan plan, List<ObjectRenderer> renderers) {
        this.metrics = metrics;
        this.model = model;
        this.publisher = publisher;
        this.server = server;
        this.watcher = watcher;
        this.updater = updater;
        this.catalogFailures = List.copyOf(catalogFailures);
        this.failures = List.copyOf(failures);
        this.plan = plan;
        this.renderers = List.copyOf(renderers);
    }

    /**
     * Starts serving {@code plan}: binds the socket (answering at once with a report that has no
     * nodes yet), then starts watching and waits, up to the sync timeout, for the first full list.
     */
    public static ScopeLinksHost start(HostSettings settings, LinkPlan plan, ProviderCatalog catalog,
                                       KubernetesClient client, HostMetrics metrics)
            throws IOException, SocketInUseException, InterruptedException {
        return start(settings, plan, catalog, client, metrics, ClusterWatcher.DEFAULT_RECHECK);
    }

    /**
     * Like {@link #start(HostSettings, LinkPlan, ProviderCatalog, KubernetesClient, HostMetrics)}, looking
     * up optional APIs the cluster does not serve again every {@code apiRecheck}.
     */
    public static ScopeLinksHost start(HostSettings settings, LinkPlan plan, ProviderCatalog catalog,
                                       KubernetesClient client, HostMetrics metrics, Duration apiRecheck)
            throws IOException, SocketInUseException, InterruptedException {
        Objects.requireNonNull(plan, "plan");
        ReportModel model = new ReportModel(Clock.systemUTC());
        ReportPublisher publisher = new ReportPublisher(model, ReportLayout.of(plan), settings.coalesce(),
                settings.maxReportBytes(), (snapshot, nanos) -> metrics.reportPublished(snapshot.body().length,
                        snapshot.nodes(), snapshot.omittedNodes(), nanos));
        String pluginId = plan.config().plugin().id();
        PluginSocketServer server = new PluginSocketServer(new PluginSocketServer.Settings(
                settings.socketPath(pluginId), settings.idleTimeout(), settings.takeoverWait(),
                settings.maxConnections()), publisher::body, metrics);
        ClusterWatcher watcher = new ClusterWatcher(client, plan.config().namespaces(), apiRecheck,
                CachedFields.declaredBy(catalog.providers().values()));
        ReportUpdater updater = new ReportUpdater(model, publisher, metrics::providerFailed);
        List<ProviderLoadFailure> failures = new ArrayList<>(catalog.failures());
        List<ObjectRenderer> renderers = renderers(plan, watcher, metrics, failures);
        updater.useRenderers(renderers);
        metrics.providerLoadFailures(failures.size());
        try {
            server.start();
        } catch (IOException | SocketInUseException | InterruptedException | RuntimeException e) {
            publisher.close();
            closeProviders(renderers);
            throw e;
        }
        ScopeLinksHost host = new ScopeLinksHost(metrics, model, publisher, server, watcher, updater,
                catalog.failures(), failures, plan, renderers);
        watcher.watch(plan.watchedResources(), plan.optionalResources(), updater);
        boolean synced = watcher.awaitSynced(settings.syncTimeout());
        rerenderDependents(plan, watcher, updater);
        publisher.flush();
        if (synced) {
            LOG.info("Synced {} resource(s); {} node(s) have links", plan.watchedResources().size(),
                    publisher.snapshot().nodes());
        } else {
            LOG.warn("Not all resources listed within {} s (still waiting for {}); serving what is known",
                    settings.syncTimeout().toSeconds(), watcher.unsynced());
        }
        return host;
    }

    /**
     * Informers list in parallel, so a Pod may have been rendered before its ReplicaSet or Node was
     * cached. One more pass over the objects of providers that look others up, once everything is
     * listed, fills in their cross-object variables; unchanged nodes cost nothing.
     */
    private static void rerenderDependents(LinkPlan plan, ClusterWatcher watcher, ReportUpdater updater) {
        plan.providers().stream().filter(provider -> !provider.dependsOn().isEmpty())
                .map(ProviderPlan::watches).distinct()
                .forEach(type -> watcher.forEachCached(type, object -> updater.upsert(type, object)));
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
        List<ObjectRenderer> previous = renderers;
        renderers = renderers(next, watcher, metrics, nextFailures);
        updater.useRenderers(renderers);
        failures = List.copyOf(nextFailures);
        metrics.providerLoadFailures(nextFailures.size());
        publisher.setLayout(ReportLayout.of(next));
        model.retainOnly(next.providers().stream().map(ProviderPlan::topology)
                .collect(java.util.stream.Collectors.toSet()));
        watcher.watch(next.watchedResources(), next.optionalResources(), updater);
        renderCached(next);
        publisher.requestRebuild();
        plan = next;
        closeProviders(previous);
    }

    /** Tells providers the host is done with them; each closes once its calls under way have returned. */
    private static void closeProviders(List<ObjectRenderer> renderers) {
        renderers.forEach(renderer -> renderer.provider().close());
    }

    /**
     * The report once every object listed so far is rendered: informers hand listed objects to
     * their handlers asynchronously, so right after the first sync the served report can still lag
     * behind. For one-shot use ({@code scope-links report}).
     */
    public synchronized byte[] settledReport() throws InterruptedException {
        renderCached(plan);
        publisher.flush();
        return publisher.body();
    }

    private void renderCached(LinkPlan target) {
        for (dev.scopelinks.spi.ResourceType type : target.watchedResources()) {
            watcher.forEachCached(type, object -> updater.upsert(type, object));
        }
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

    /** Ready when healthy and every watched resource has been listed. */
    public boolean isReady() {
        return isHealthy() && watcher.isSynced();
    }

    /** A readable account of readiness, for {@code /readyz}. */
    public String readiness() {
        StringBuilder text = new StringBuilder();
        text.append(isHealthy() ? "socket: serving " : "socket: down ").append(server.socketPath()).append('\n');
        List<?> pending = watcher.unsynced();
        text.append(pending.isEmpty() ? "watch: synced\n" : "watch: waiting for " + pending + "\n");
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

    /** Stops watching, removes the socket and stops rebuilding. */
    @Override
    public void close() {
        server.close();
        watcher.close();
        publisher.close();
        closeProviders(renderers);
    }
}
