package dev.scopelinks.host;

import dev.scopelinks.host.report.ShardBudget;
import dev.scopelinks.host.server.ConnectionPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Runtime settings of one host, from the command line.
 *
 * @param socketRoot     Scope's plugin root; the socket is {@code <root>/<pluginId>/<pluginId>.sock}, and
 *                       further shards' are {@code <root>/<pluginId>-2/<pluginId>-2.sock}, …
 * @param idleTimeout    silent socket connections are closed after this long
 * @param takeoverWait   how long to wait for a live instance on the socket path to go away
 * @param coalesce       how long cluster changes are gathered before the report is rebuilt
 * @param syncTimeout    how long start-up waits for the first full list of every watched resource
 * @param budget         what each plugin socket may serve, and how many sockets at most
 * @param maxConnections socket connections served at once, per socket; the next one evicts the least useful
 * @param headerTimeout  a request head on a socket not complete this long after its first byte is cut off
 * @param writeTimeout   a response on a socket not fully written in this time is cut off (a slow reader)
 */
public record HostSettings(Path socketRoot, Duration idleTimeout, Duration takeoverWait, Duration coalesce,
                           Duration syncTimeout, ShardBudget budget, int maxConnections, Duration headerTimeout,
                           Duration writeTimeout) {

    public static final Path DEFAULT_SOCKET_ROOT = Path.of("/var/run/scope/plugins");
    /** Defaults of the durations the command line sets, written as its options take and show them. */
    public static final String DEFAULT_IDLE_TIMEOUT = "PT30S";
    public static final String DEFAULT_TAKEOVER_WAIT = "PT30S";
    public static final String DEFAULT_SYNC_TIMEOUT = "PT60S";

    public HostSettings {
        Objects.requireNonNull(socketRoot, "socketRoot");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(takeoverWait, "takeoverWait");
        Objects.requireNonNull(coalesce, "coalesce");
        Objects.requireNonNull(syncTimeout, "syncTimeout");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
    }

    /** Settings with the default header and write deadlines. */
    public HostSettings(Path socketRoot, Duration idleTimeout, Duration takeoverWait, Duration coalesce,
                        Duration syncTimeout, ShardBudget budget, int maxConnections) {
        this(socketRoot, idleTimeout, takeoverWait, coalesce, syncTimeout, budget, maxConnections,
                ConnectionPolicy.DEFAULT_HEADER_TIMEOUT, ConnectionPolicy.DEFAULT_WRITE_TIMEOUT);
    }

    /**
     * Settings with the default shard limit and {@code maxReportBytes} per socket (at most the
     * default budget: larger bodies are not decoded by Scope in time), and the default deadlines.
     */
    public HostSettings(Path socketRoot, Duration idleTimeout, Duration takeoverWait, Duration coalesce,
                        Duration syncTimeout, long maxReportBytes, int maxConnections) {
        this(socketRoot, idleTimeout, takeoverWait, coalesce, syncTimeout, new ShardBudget(
                Math.max(1024, Math.min(maxReportBytes, ShardBudget.DEFAULT_BYTES)), 0, 0,
                ShardBudget.DEFAULT_MAX_SHARDS), maxConnections);
    }

    /** Defaults suited to a long-running plugin, for the given plugin root. */
    public static HostSettings defaults(Path socketRoot) {
        return new HostSettings(socketRoot, Duration.parse(DEFAULT_IDLE_TIMEOUT), Duration.parse(DEFAULT_TAKEOVER_WAIT),
                Duration.ofMillis(100), Duration.parse(DEFAULT_SYNC_TIMEOUT), ShardBudget.defaults(), 64);
    }

    /** The per-socket byte budget. */
    public long maxReportBytes() {
        return budget.bytes();
    }

    /** These settings with {@code budget} instead. */
    public HostSettings withBudget(ShardBudget budget) {
        return new HostSettings(socketRoot, idleTimeout, takeoverWait, coalesce, syncTimeout, budget, maxConnections,
                headerTimeout, writeTimeout);
    }

    /** The socket path for {@code pluginId}. */
    public Path socketPath(String pluginId) {
        return socketRoot.resolve(pluginId).resolve(pluginId + ".sock");
    }
}
