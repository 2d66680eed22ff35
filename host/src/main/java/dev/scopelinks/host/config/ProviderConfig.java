package dev.scopelinks.host.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The links and settings configured for one provider.
 *
 * @param providerId the provider's id, as written as the key under {@code providers}
 * @param location   where that key is
 * @param links      the links, in the order written
 * @param settings   the provider's own {@code settings:}, key to value as written, in the order written
 */
public record ProviderConfig(String providerId, Location location, List<LinkConfig> links,
                             Map<String, SourceText> settings) {

    public ProviderConfig {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(location, "location");
        links = List.copyOf(links);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A provider with links and no settings. */
    public ProviderConfig(String providerId, Location location, List<LinkConfig> links) {
        this(providerId, location, links, Map.of());
    }
}
