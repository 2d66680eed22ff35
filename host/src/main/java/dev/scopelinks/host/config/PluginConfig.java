package dev.scopelinks.host.config;

import java.util.Objects;

/**
 * How scope-links introduces itself to Scope's probe.
 *
 * @param id          the plugin id: the socket is {@code <socketDir>/<id>/<id>.sock}, and Scope
 *                    rejects a report whose id differs from the socket's name
 * @param label       the plugin's name in Scope's UI; must not be empty
 * @param description an optional longer text
 */
public record PluginConfig(String id, String label, String description) {

    public static final String DEFAULT_ID = "scope-links";
    public static final String DEFAULT_LABEL = "Links";
    public static final String DEFAULT_DESCRIPTION = "Links to the tools that know this object";

    public PluginConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
    }

    public static PluginConfig defaults() {
        return new PluginConfig(DEFAULT_ID, DEFAULT_LABEL, DEFAULT_DESCRIPTION);
    }
}
