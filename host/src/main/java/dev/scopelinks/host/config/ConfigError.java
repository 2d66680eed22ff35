package dev.scopelinks.host.config;

/**
 * One problem in a config file.
 *
 * @param location where it is
 * @param path     the key path, e.g. {@code providers.Deployment.links[0].url}
 * @param message  what is wrong and, where possible, how to fix it
 */
public record ConfigError(Location location, String path, String message) {

    @Override
    public String toString() {
        return location + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
