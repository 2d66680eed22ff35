package dev.scopelinks.host;

import dev.scopelinks.host.server.ConnectionPolicy;
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
 * @param maxConnections socket connections served at once; the next one evicts the least useful
 * @param headerTimeout  a request head on the socket not complete this long after its first byte is cut off
 * @param writeTimeout   a response on the socket not fully written in this time is cut off (a slow reader)
 */
public record HostSettings(Path socketRoot, Duration idleTimeout, Duration takeoverWait, Duration coalesce,
                           Duration syncTimeout, long maxReportBytes, int maxConnections, Duration headerTimeout,
                           Duration writeTimeout) {

    public static final Path DEFAULT_SOCKET_ROOT = Path.of("/var/run/scope/plugins");

    public HostSettings {
        Objects.requireNonNull(socketRoot, "socketRoot");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(takeoverWait, "takeoverWait");
        Objects.requireNonNull(coalesce, "coalesce");
        Objects.requireNonNull(syncTimeout, "syncTimeout");
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
    }

    /** The default header and write deadlines. */
    public HostSettings(Path socketRoot, Duration idleTimeout, Duration takeoverWait, Duration coalesce,
                        Duration syncTimeout, long maxReportBytes, int maxConnections) {
        this(socketRoot, idleTimeout, takeoverWait, coalesce, syncTimeout, maxReportBytes, maxConnections,
                ConnectionPolicy.DEFAULT_HEADER_TIMEOUT, ConnectionPolicy.DEFAULT_WRITE_TIMEOUT);
    }

    /** Defaults suited to a long-running plugin, for the given plugin root. */
    public static HostSettings defaults(Path socketRoot) {
        return new HostSettings(socketRoot, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMillis(100),
                Duration.ofSeconds(60), 48L * 1024 * 1024, 64);
    }

    /** The socket path for {@code pluginId}. */
    public Path socketPath(String pluginId) {
        return socketRoot.resolve(pluginId).resolve(pluginId + ".sock");
    }
}
