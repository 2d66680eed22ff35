package dev.scopelinks.host.config;

import java.util.Objects;
import java.util.Set;

/** Binds {@code plugin:}, how scope-links introduces itself to Scope; every key has a default. */
final class PluginSection {

    private static final String PATH = "plugin";
    private static final Set<String> KEYS = Set.of("id", "label", "description");

    private final YamlBinder yaml;

    PluginSection(YamlBinder yaml) {
        this.yaml = Objects.requireNonNull(yaml, "yaml");
    }

    PluginConfig bind(YamlNode.Mapping root) {
        YamlNode.Mapping plugin = yaml.mapping(root, "", PATH);
        if (plugin == null) {
            return PluginConfig.defaults();
        }
        yaml.knownKeys(plugin, PATH, KEYS);
        String id = yaml.string(plugin, PATH, "id").map(text -> {
            if (!ConfigLoader.PLUGIN_ID.matcher(text.text()).matches()) {
                yaml.error(text.location(), "plugin.id", "'" + text.text() + "' is not a valid Scope plugin id "
                        + "(letters and digits, single dashes between them, e.g. scope-links)");
            }
            return text.text();
        }).orElse(PluginConfig.DEFAULT_ID);
        String label = yaml.string(plugin, PATH, "label").map(text -> {
            if (text.text().isBlank()) {
                yaml.error(text.location(), "plugin.label", "must not be empty: Scope rejects a plugin without a label");
            }
            return text.text();
        }).orElse(PluginConfig.DEFAULT_LABEL);
        String description = yaml.string(plugin, PATH, "description").map(SourceText::text)
                .orElse(PluginConfig.DEFAULT_DESCRIPTION);
        return new PluginConfig(id, label, description);
    }
}
