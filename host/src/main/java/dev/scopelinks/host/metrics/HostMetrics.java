package dev.scopelinks.host.metrics;

import dev.scopelinks.host.render.SkipListener;
import dev.scopelinks.host.template.RenderResult;
import dev.scopelinks.host.watch.WatchListener;
import dev.scopelinks.spi.ResourceType;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's Prometheus metrics, and the log lines that go with them: a skipped link is logged once
 * per provider, link and reason, and counted every time.
 *
 * <p>This package knows nothing of the report: the composition root hands the report's listeners
 * these methods, so the report can be built and tested without metrics, and metrics without a report.
 */
public final class HostMetrics implements SkipListener, WatchListener {

    private static final Logger LOG = LoggerFactory.getLogger(HostMetrics.class);

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Set<String> loggedSkips = ConcurrentHashMap.newKeySet();
    private final Set<String> loggedProviderErrors = ConcurrentHashMap.newKeySet();

    private final Counter skippedLinks = Counter.builder().name("scope_links_links_skipped_total")
            .help("Links left off an object, by provider, link and reason (missing:<var>, invalid-url, "
                    + "invalid-annotation, unsafe-link:<why>, …)")
            .labelNames("provider", "link", "reason").register(registry);
    private final Counter providerErrors = Counter.builder().name("scope_links_provider_errors_total")
            .help("Objects a provider threw on; they get no links until they change").labelNames("provider")
            .register(registry);
    private final Counter requests = Counter.builder().name("scope_links_report_requests_total")
            .help("Requests on the plugin socket, by HTTP status").labelNames("status").register(registry);
    private final Counter builds = Counter.builder().name("scope_links_report_builds_total")
            .help("Times the report was rebuilt after cluster changes").register(registry);
    private final Gauge reportBytes = Gauge.builder().name("scope_links_report_bytes")
            .help("Size of the report being served, over all plugin sockets").register(registry);
    private final Gauge reportNodes = Gauge.builder().name("scope_links_report_nodes")
            .help("Nodes in the report being served").register(registry);
    private final Gauge omittedNodes = Gauge.builder().name("scope_links_report_omitted_nodes")
            .help("Nodes left out because the report does not fit the allowed plugin sockets").register(registry);
    private final Gauge shards = Gauge.builder().name("scope_links_report_shards")
            .help("Plugin sockets the report is served on").register(registry);
    private final Gauge largestShardBytes = Gauge.builder().name("scope_links_report_largest_shard_bytes")
            .help("Body size of the largest plugin socket's report").register(registry);
    private final Gauge buildSeconds = Gauge.builder().name("scope_links_report_build_seconds")
            .help("Time the last report rebuild took").register(registry);
    private final Counter reloads = Counter.builder().name("scope_links_config_reloads_total")
            .help("Config reloads, by result (applied, rejected)").labelNames("result").register(registry);
    private final Gauge providerLoadFailures = Gauge.builder().name("scope_links_provider_load_failures")
            .help("Provider jars or classes that could not be loaded").register(registry);

    private final Counter watchErrors = Counter.builder().name("scope_links_watch_errors_total")
            .help("Failed lists and watches, by resource; each is retried with backoff").labelNames("resource")
            .register(registry);
    private final Counter watchRestarts = Counter.builder().name("scope_links_watch_restarts_total")
            .help("Informers replaced by a new one that lists again, by resource").labelNames("resource")
            .register(registry);
    private final Gauge watchStale = Gauge.builder().name("scope_links_watch_stale_seconds")
            .help("Seconds since the resource last had a working watch; 0 while it has one").labelNames("resource")
            .register(registry);
    private final Gauge watchLastEvent = Gauge.builder().name("scope_links_watch_last_event_timestamp_seconds")
            .help("When the last list item or watch event of the resource arrived (Unix time)")
            .labelNames("resource").register(registry);

    @Override
    public void watchFailed(ResourceType type) {
        watchErrors.labelValues(type.toString()).inc();
    }

    @Override
    public void watchRestarted(ResourceType type) {
        watchRestarts.labelValues(type.toString()).inc();
    }

    @Override
    public void watchEvent(ResourceType type, long epochMillis) {
        watchLastEvent.labelValues(type.toString()).set(epochMillis / 1000.0);
    }

    @Override
    public void watchAge(ResourceType type, double seconds) {
        watchStale.labelValues(type.toString()).set(seconds);
    }

    @Override
    public void watchDropped(ResourceType type) {
        watchStale.remove(type.toString());
        watchLastEvent.remove(type.toString());
    }

    // Connections on the plugin socket(s) and the admin port; "listener" is the plugin id or "admin".
    private final Gauge connectionsOpen = Gauge.builder().name("scope_links_connections_open")
            .help("Connections open now, by listener (plugin id, or admin)").labelNames("listener").register(registry);
    private final Counter connectionsAccepted = Counter.builder().name("scope_links_connections_accepted_total")
            .help("Connections accepted, by listener (refused ones included)").labelNames("listener").register(registry);
    private final Counter connectionsRefused = Counter.builder().name("scope_links_connections_refused_total")
            .help("Connections closed unserved because no thread came free in time, by listener").labelNames("listener")
            .register(registry);
    private final Counter connectionsEvicted = Counter.builder().name("scope_links_connections_evicted_total")
            .help("Connections the server closed, by listener and reason (idle, header-deadline, write-deadline, "
                    + "limit: the least useful one, to make room for a new one)")
            .labelNames("listener", "reason").register(registry);

    @Override
    public void skipped(String providerId, String linkId, String object, RenderResult.Skipped skipped) {
        skippedLinks.labelValues(providerId, linkId, skipped.reason()).inc();
        if (loggedSkips.add(providerId + "\0" + linkId + "\0" + skipped.reason())) {
            LOG.info("{} link '{}' skipped for {} ({}: {}); further skips for this reason are only counted "
                    + "(scope_links_links_skipped_total)", providerId, linkId, object, skipped.reason(), skipped.detail());
        }
    }

    /** A provider threw on an object. */
    public void providerFailed(String providerId, String object, Throwable error) {
        providerErrors.labelValues(providerId).inc();
        if (loggedProviderErrors.add(providerId + "\0" + error.getClass().getName())) {
            LOG.warn("Provider {} failed on {}; the object gets no links until it changes. Further failures of this "
                    + "kind are only counted (scope_links_provider_errors_total)", providerId, object, error);
        }
    }

    /**
     * A report was rebuilt, on one plugin socket.
     *
     * @param bytes        its size
     * @param nodes        the nodes it holds
     * @param omittedNodes the nodes left out to stay within the budget
     * @param buildNanos   how long the rebuild took
     */
    public void reportPublished(int bytes, int nodes, int omittedNodes, long buildNanos) {
        reportPublished(bytes, nodes, omittedNodes, 1, bytes, buildNanos);
    }

    /**
     * A report was rebuilt, split over {@code shards} plugin sockets.
     *
     * @param bytes             its size over all sockets
     * @param nodes             the nodes it holds
     * @param omittedNodes      the nodes left out because the allowed sockets could not hold them
     * @param shards            the sockets it is served on
     * @param largestShardBytes the largest socket's body size
     * @param buildNanos        how long the rebuild took
     */
    public void reportPublished(long bytes, int nodes, int omittedNodes, int shards, int largestShardBytes,
                                long buildNanos) {
        builds.inc();
        reportBytes.set(bytes);
        reportNodes.set(nodes);
        this.omittedNodes.set(omittedNodes);
        this.shards.set(shards);
        this.largestShardBytes.set(largestShardBytes);
        buildSeconds.set(buildNanos / 1e9);
    }

    /** A request on the plugin socket was answered with {@code status}. */
    public void requestServed(int status) {
        requests.labelValues(Integer.toString(status)).inc();
    }

    public void configReloaded(boolean applied) {
        reloads.labelValues(applied ? "applied" : "rejected").inc();
    }

    public void providerLoadFailures(int count) {
        providerLoadFailures.set(count);
    }

    /** A connection was accepted on {@code listener} (refused ones included). */
    public void connectionAccepted(String listener) {
        connectionsAccepted.labelValues(listener).inc();
    }

    /** An accepted connection on {@code listener} is being served. */
    public void connectionOpened(String listener) {
        connectionsOpen.labelValues(listener).inc();
    }

    /** A served connection on {@code listener} ended, for whatever reason. */
    public void connectionClosed(String listener) {
        connectionsOpen.labelValues(listener).dec();
    }

    /** A connection on {@code listener} was closed without being served. */
    public void connectionRefused(String listener) {
        connectionsRefused.labelValues(listener).inc();
    }

    /** The server closed a connection on {@code listener} for {@code reason}. */
    public void connectionEvicted(String listener, String reason) {
        connectionsEvicted.labelValues(listener, reason).inc();
    }

    /** Writes every metric in Prometheus' text format. */
    public void writeTo(OutputStream out) throws IOException {
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
    }
}
