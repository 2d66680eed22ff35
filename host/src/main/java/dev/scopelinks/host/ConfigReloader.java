package dev.scopelinks.host;

import dev.scopelinks.host.config.ConfigException;
import dev.scopelinks.host.config.ConfigLoader;
import dev.scopelinks.host.config.FileChangeWatcher;
import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plan.LinkPlanner;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a changed config file to a running host. A config that does not load or plan is
 * rejected with every error, and the last good one keeps serving; both outcomes are counted in
 * {@code scope_links_config_reloads_total}.
 */
public final class ConfigReloader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);

    private final Path file;
    private final ConfigLoader loader;
    private final ProviderCatalog catalog;
    private final ScopeLinksHost host;
    private final HostMetrics metrics;
    private final Function<LinkPlan, List<String>> planCheck;
    private final FileChangeWatcher watcher;

    /**
     * Starts watching {@code file}.
     *
     * @param interval how often the file is also compared when no file event arrives
     */
    public ConfigReloader(Path file, ConfigLoader loader, ProviderCatalog catalog, ScopeLinksHost host,
                          HostMetrics metrics, Duration interval) throws IOException {
        this(file, loader, catalog, host, metrics, interval, plan -> List.of());
    }

    /**
     * Starts watching {@code file}; a changed config is also refused when {@code planCheck} names
     * problems with it, as the start-up checks would (e.g. {@code --namespaced}).
     */
    public ConfigReloader(Path file, ConfigLoader loader, ProviderCatalog catalog, ScopeLinksHost host,
                          HostMetrics metrics, Duration interval, Function<LinkPlan, List<String>> planCheck)
            throws IOException {
        this.planCheck = Objects.requireNonNull(planCheck, "planCheck");
        this.file = Objects.requireNonNull(file, "file");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.host = Objects.requireNonNull(host, "host");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.watcher = new FileChangeWatcher(file, interval, this::reload, this::presenceChanged);
        watcher.start();
    }

    /** Loads, checks and applies {@code text}; returns whether it now serves. */
    boolean reload(String text) {
        LinkPlan plan;
        try {
            plan = new LinkPlanner().plan(loader.load(file.toString(), new StringReader(text)), catalog);
        } catch (ConfigException e) {
            metrics.configReloaded(false);
            LOG.error("Config {} changed but is invalid; still serving the last good config. {} error(s):\n{}", file,
                    e.errors().size(), e.getMessage());
            return false;
        }
        List<String> problems = planCheck.apply(plan);
        if (!problems.isEmpty()) {
            metrics.configReloaded(false);
            LOG.error("Config {} changed but is not allowed for this host; still serving the last good config:\n{}",
                    file, String.join("\n", problems));
            return false;
        }
        try {
            host.apply(plan);
        } catch (IllegalArgumentException e) {
            metrics.configReloaded(false);
            LOG.error("Config {} changed but cannot be applied while running ({}); still serving the last good "
                    + "config", file, e.getMessage());
            return false;
        }
        metrics.configReloaded(true);
        int links = plan.providers().stream().mapToInt(provider -> provider.links().size()).sum();
        LOG.info("Config {} reloaded: {} provider(s), {} link(s)", file, plan.providers().size(), links);
        return true;
    }

    private void presenceChanged(boolean present) {
        if (present) {
            LOG.info("Config {} is back; a changed content is applied as any other change", file);
        } else {
            LOG.warn("Config {} was deleted; still serving the last good config, and applying the file again "
                    + "when it comes back", file);
        }
    }

    @Override
    public void close() {
        watcher.close();
    }
}
