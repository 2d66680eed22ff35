package dev.scopelinks.host.cli;

import dev.scopelinks.host.HostSettings;
import dev.scopelinks.host.ScopeLinksHost;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options of the commands that serve the socket ({@code serve}, {@code demo}). */
final class RuntimeOptions {

    @Option(names = "--admin-address", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address of the /healthz, /readyz and /metrics endpoints (default: ${DEFAULT-VALUE}; "
                    + "use 0.0.0.0 in a pod so the kubelet can probe it).")
    String adminAddress;

    @Option(names = "--admin-port", paramLabel = "PORT", defaultValue = "9464",
            description = "Port of the admin endpoints; 0 picks a free one, -1 turns them off (default: ${DEFAULT-VALUE}).")
    int adminPort;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "PT30S",
            description = "Close socket connections silent for this long (ISO-8601, default: ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @Option(names = "--takeover-wait", paramLabel = "DURATION", defaultValue = "PT30S",
            description = "How long to wait for another live instance on the socket to go (default: ${DEFAULT-VALUE}).")
    Duration takeoverWait;

    @Option(names = "--sync-timeout", paramLabel = "DURATION", defaultValue = "PT60S",
            description = "How long start-up waits for the first full list of the cluster (default: ${DEFAULT-VALUE}).")
    Duration syncTimeout;

    @Option(names = "--stale-after", paramLabel = "DURATION", defaultValue = "PT60S",
            description = "/readyz turns not ready when a watched resource has had no working watch for this long; "
                    + "the report keeps serving the last good data (default: ${DEFAULT-VALUE}).")
    Duration staleAfter;

    ScopeLinksHost.Watching watching() {
        return ScopeLinksHost.Watching.DEFAULTS.withStaleAfter(staleAfter);
    }

    HostSettings settings(Path socketRoot) {
        HostSettings defaults = HostSettings.defaults(socketRoot);
        return new HostSettings(socketRoot, idleTimeout, takeoverWait, defaults.coalesce(), syncTimeout,
                defaults.maxReportBytes(), defaults.maxConnections());
    }

    boolean adminEnabled() {
        return adminPort >= 0;
    }

    InetSocketAddress adminSocketAddress() {
        return new InetSocketAddress(adminAddress, adminPort);
    }
}
