package dev.scopelinks.host.cli;

import dev.scopelinks.host.HostSettings;
import dev.scopelinks.host.ScopeLinksHost;
import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.server.AdminServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/** Starts a host and its admin endpoints, and stops both together. Shared by {@code serve} and {@code demo}. */
public final class HostRunner implements AutoCloseable {

    private final ScopeLinksHost host;
    private final AdminServer admin;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HostRunner(ScopeLinksHost host, AdminServer admin) {
        this.host = host;
        this.admin = admin;
    }

    public static HostRunner start(RuntimeOptions options, HostSettings settings, LinkPlan plan, ProviderCatalog catalog,
                            KubernetesClient client) throws Exception {
        return start(options, settings, options.watching(), plan, catalog, client);
    }

    /**
     * Starts the host, then its admin endpoints. An interrupt during start-up (a stop request)
     * leaves nothing behind: the host closes what it had started and removes its socket.
     */
    public static HostRunner start(RuntimeOptions options, HostSettings settings, ScopeLinksHost.Watching watching,
                            LinkPlan plan, ProviderCatalog catalog, KubernetesClient client) throws Exception {
        HostMetrics metrics = new HostMetrics();
        ScopeLinksHost host = ScopeLinksHost.start(settings, plan, catalog, client, metrics, watching);
        AdminServer admin = null;
        if (options.adminEnabled()) {
            try {
                admin = new AdminServer(options.adminSocketAddress(), options.adminPolicy(), host::isHealthy,
                        host::isReady, host::readiness, metrics);
            } catch (IOException e) {
                host.close();
                throw new IOException("cannot open the admin port " + options.adminAddress + ":" + options.adminPort
                        + " (" + e.getMessage() + "); choose another with --admin-port, or -1 to turn it off", e);
            }
        }
        return new HostRunner(host, admin);
    }

    public ScopeLinksHost host() {
        return host;
    }

    public int adminPort() {
        return admin == null ? -1 : admin.port();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // the signal path and the shutdown hook may both get here
        }
        if (admin != null) {
            admin.close();
        }
        host.close();
    }
}
