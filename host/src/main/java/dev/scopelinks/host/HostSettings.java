package dev.scopelinks.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Runtime settings of one host, from the command line.
 *
 * @param socketRoot     Scope's plugin root; the socket is {@code <root>/<pluginId>/<pluginId>.sock}
 * @param idleTimeout    silent socket connections are closed after this long
 * @param takeoverWait   how long to wait for a live instance on the socket path to go away
 * @param coalesce       how long cluster changes are gathered before the report is rebuilt
 * @param syncTimeout    how long start-up waits for the first full list of every watched resource
 * @param maxReportBytes the report's size cap (Scope refuses bodies over 50 MB)
 * @param maxConnections socket connections served at once
 */
public record HostSettings(Path socketRoot, Duration idleTimeout, Duration takeoverWait, Duration coalesce,
                           Duration syncTimeout, long maxReportBytes, int maxConnections) {

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
    }

    /** Defaults suited to a long-running plugin, for the given plugin root. */
    public static HostSettings defaults(Path socketRoot) {
        return new HostSettings(socketRoot, Duration.parse(DEFAULT_IDLE_TIMEOUT), Duration.parse(DEFAULT_TAKEOVER_WAIT),
                Duration.ofMillis(100), Duration.parse(DEFAULT_SYNC_TIMEOUT), 48L * 1024 * 1024, 32);
    }

    /** The socket path for {@code pluginId}. */
    public Path socketPath(String pluginId) {
        return socketRoot.resolve(pluginId).resolve(pluginId + ".sock");
    }
}
