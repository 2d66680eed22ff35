package dev.scopelinks.host.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Binds {@code providers:}: one entry per provider id, each with its own keys. A new per-provider
 * key is one name in {@link #KEYS} and one read in {@link #provider}.
 */
final class ProvidersSection {

    private static final String PATH = "providers";
    /** The keys one provider's entry may have. */
    private static final Set<String> KEYS = Set.of("links", "settings");

    private final YamlBinder yaml;
    private final LinksSection links;

    ProvidersSection(YamlBinder yaml, LinksSection links) {
        this.yaml = Objects.requireNonNull(yaml, "yaml");
        this.links = Objects.requireNonNull(links, "links");
    }

    Map<String, ProviderConfig> bind(YamlNode.Mapping root) {
        Map<String, ProviderConfig> providers = new LinkedHashMap<>();
        YamlNode.Entry entry = root.entries().get(PATH);
        if (entry == null) {
            yaml.error(root.location(), PATH, "is required: name at least one provider (e.g. Deployment) "
                    + "and its links");
            return providers;
        }
        YamlNode.Mapping mapping = yaml.mapping(entry.value(), PATH);
        if (mapping == null) {
            return providers;
        }
        for (YamlNode.Entry provider : mapping.entries().values()) {
            ProviderConfig config = provider(provider);
            if (config != null) {
                providers.put(provider.key(), config);
            }
        }
        return providers;
    }

    /** One provider's entry, or null when it is not a mapping (already recorded). */
    private ProviderConfig provider(YamlNode.Entry provider) {
        String path = PATH + "." + provider.key();
        YamlNode.Mapping body = yaml.mapping(provider.value(), path);
        if (body == null) {
            return null;
        }
        yaml.knownKeys(body, path, KEYS);
        List<LinkConfig> providerLinks = links.bind(body, path, provider.key());
        return new ProviderConfig(provider.key(), provider.keyLocation(), providerLinks, settings(body, path));
    }

    /** The provider's own {@code settings:}: scalars by key; the planner checks the keys against the provider's. */
    private Map<String, SourceText> settings(YamlNode.Mapping provider, String providerPath) {
        Map<String, SourceText> settings = new LinkedHashMap<>();
        YamlNode.Entry entry = provider.entries().get("settings");
        YamlNode.Mapping mapping = entry == null ? null : yaml.mapping(entry.value(), providerPath + ".settings");
        if (mapping != null) {
            for (YamlNode.Entry setting : mapping.entries().values()) {
                yaml.scalarText(setting.value(), providerPath + ".settings." + setting.key())
                        .ifPresent(text -> settings.put(setting.key(), text));
            }
        }
        return settings;
    }
}
