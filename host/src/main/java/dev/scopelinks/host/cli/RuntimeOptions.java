package dev.scopelinks.host.cli;

import dev.scopelinks.host.HostSettings;
import dev.scopelinks.host.ScopeLinksHost;
import dev.scopelinks.host.report.ShardBudget;
import dev.scopelinks.host.server.AdminServer;
import dev.scopelinks.host.server.ConnectionPolicy;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options of the commands that serve the socket ({@code serve}, {@code demo}). */
public final class RuntimeOptions {

    @Option(names = "--admin-address", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address of the /healthz, /readyz and /metrics endpoints (default: ${DEFAULT-VALUE}; "
                    + "use 0.0.0.0 in a pod so the kubelet can probe it).")
    String adminAddress;

    @Option(names = "--admin-port", paramLabel = "PORT", defaultValue = "9464",
            description = "Port of the admin endpoints; 0 picks a free one, -1 turns them off (default: ${DEFAULT-VALUE}).")
    int adminPort;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = HostSettings.DEFAULT_IDLE_TIMEOUT,
            description = "Close socket connections silent for this long (ISO-8601, default: ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "64",
            description = "Socket connections served at once; at the limit a new one evicts the least useful "
                    + "(never-served and longest-idle first) (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--header-timeout", paramLabel = "DURATION", defaultValue = "PT2S",
            description = "Cut off a request whose head is not complete this long after its first byte, on the "
                    + "socket and the admin port (default: ${DEFAULT-VALUE}).")
    Duration headerTimeout;

    @Option(names = "--write-timeout", paramLabel = "DURATION", defaultValue = "PT5S",
            description = "Cut off a response not fully written in this time (a client that reads too slowly), on "
                    + "the socket and the admin port (default: ${DEFAULT-VALUE}).")
    Duration writeTimeout;

    @Option(names = "--takeover-wait", paramLabel = "DURATION", defaultValue = HostSettings.DEFAULT_TAKEOVER_WAIT,
            description = "How long to wait for another live instance on the socket to go (default: ${DEFAULT-VALUE}).")
    Duration takeoverWait;

    @Option(names = "--sync-timeout", paramLabel = "DURATION", defaultValue = HostSettings.DEFAULT_SYNC_TIMEOUT,
            description = "How long start-up waits for the first full list of the cluster (default: ${DEFAULT-VALUE}).")
    Duration syncTimeout;

    @Option(names = "--shard-bytes", paramLabel = "BYTES", defaultValue = "${env:SCOPE_LINKS_SHARD_BYTES:-3000000}",
            description = "Body size each plugin socket stays at or under; a larger report is split over more sockets "
                    + "(env SCOPE_LINKS_SHARD_BYTES, default: ${DEFAULT-VALUE}). Scope decodes a socket's body within "
                    + "500 ms: about 3 MB on a slow probe host.")
    long shardBytes;

    @Option(names = "--shard-nodes", paramLabel = "N", defaultValue = "${env:SCOPE_LINKS_SHARD_NODES:-0}",
            description = "Nodes each plugin socket serves at most, 0 for no limit besides the bytes "
                    + "(env SCOPE_LINKS_SHARD_NODES, default: ${DEFAULT-VALUE}).")
    int shardNodes;

    @Option(names = "--shard-entries", paramLabel = "N", defaultValue = "${env:SCOPE_LINKS_SHARD_ENTRIES:-0}",
            description = "Links (latest entries) each plugin socket serves at most, 0 for no limit besides the bytes "
                    + "(env SCOPE_LINKS_SHARD_ENTRIES, default: ${DEFAULT-VALUE}).")
    int shardEntries;

    @Option(names = "--max-shards", paramLabel = "N", defaultValue = "${env:SCOPE_LINKS_MAX_SHARDS:-16}",
            description = "Plugin sockets at most (<id>, <id>-2, ...); past them nodes are left out, counted in "
                    + "scope_links_report_omitted_nodes and shown on /readyz (env SCOPE_LINKS_MAX_SHARDS, "
                    + "default: ${DEFAULT-VALUE}).")
    int maxShards;

    @Option(names = "--stale-after", paramLabel = "DURATION", defaultValue = "PT60S",
            description = "/readyz turns not ready when a watched resource has had no working watch for this long; "
                    + "the report keeps serving the last good data (default: ${DEFAULT-VALUE}).")
    Duration staleAfter;

    public ScopeLinksHost.Watching watching() {
        return ScopeLinksHost.Watching.DEFAULTS.withStaleAfter(staleAfter);
    }

    public HostSettings settings(Path socketRoot) throws InvalidInputException {
        positive("--idle-timeout", idleTimeout);
        positive("--header-timeout", headerTimeout);
        positive("--write-timeout", writeTimeout);
        if (maxConnections < 1) {
            throw new InvalidInputException("--max-connections must be at least 1, got " + maxConnections);
        }
        HostSettings defaults = HostSettings.defaults(socketRoot);
        return new HostSettings(socketRoot, idleTimeout, takeoverWait, defaults.coalesce(), syncTimeout,
                budget(), maxConnections, headerTimeout, writeTimeout);
    }

    /** The admin port's policy: its own small limit and idle timeout, the same deadlines as the socket. */
    ConnectionPolicy adminPolicy() {
        ConnectionPolicy defaults = AdminServer.DEFAULT_POLICY;
        return new ConnectionPolicy(defaults.maxConnections(), defaults.idleTimeout(), headerTimeout, writeTimeout,
                defaults.warnInterval());
    }

    private static void positive(String option, Duration value) throws InvalidInputException {
        if (value.isNegative() || value.isZero()) {
            throw new InvalidInputException(option + " must be positive, got " + value);
        }
    }

    ShardBudget budget() throws InvalidInputException {
        try {
            return new ShardBudget(shardBytes, shardNodes, shardEntries, maxShards);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--shard-bytes/--shard-nodes/--shard-entries/--max-shards: "
                    + e.getMessage());
        }
    }

    boolean adminEnabled() {
        return adminPort >= 0;
    }

    InetSocketAddress adminSocketAddress() {
        return new InetSocketAddress(adminAddress, adminPort);
    }
}
