package dev.scopelinks.host.config;

import java.util.List;
import java.util.Objects;

/**
 * The links configured for one provider.
 *
 * @param providerId the provider's id, as written as the key under {@code providers}
 * @param location   where that key is
 * @param links      the links, in the order written
 */
public record ProviderConfig(String providerId, Location location, List<LinkConfig> links) {

    public ProviderConfig {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(location, "location");
        links = List.copyOf(links);
    }
}
