package dev.scopelinks.host.cli;

import dev.scopelinks.host.config.ConfigException;
import dev.scopelinks.host.config.ConfigLoader;
import dev.scopelinks.host.config.ScopeLinksConfig;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plan.LinkPlanner;
import java.io.StringReader;
import java.nio.file.Path;

/** Loads a config and checks it against the providers; every error is reported at once. */
public final class ConfigPlanner {

    private ConfigPlanner() {
    }

    public static LinkPlan plan(Path file, ProviderCatalog catalog) throws ConfigException {
        ScopeLinksConfig config = ConfigLoader.withSystemEnvironment().load(file);
        return new LinkPlanner().plan(config, catalog);
    }

    public static LinkPlan plan(String name, String text, ProviderCatalog catalog) throws ConfigException {
        ScopeLinksConfig config = ConfigLoader.withSystemEnvironment().load(name, new StringReader(text));
        return new LinkPlanner().plan(config, catalog);
    }

    /** {@link #plan(Path, ProviderCatalog)}, with a rejected config turned into the CLI's exit 2 and message. */
    static LinkPlan planOrReject(Path file, ProviderCatalog catalog) throws InvalidInputException {
        try {
            return plan(file, catalog);
        } catch (ConfigException e) {
            throw new InvalidInputException(describe(e));
        }
    }

    /** The message printed for a rejected config. */
    public static String describe(ConfigException e) {
        int count = e.errors().size();
        return e.getMessage() + "\n" + count + (count == 1 ? " error" : " errors") + " in the config; nothing was started.";
    }
}
