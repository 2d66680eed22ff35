package dev.scopelinks.host.plugin;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every provider the host found, by id, and what it had to skip.
 *
 * @param providers provider id to provider, sorted by id
 * @param failures  jars and providers that could not be loaded
 */
public record ProviderCatalog(Map<String, LoadedProvider> providers, List<ProviderLoadFailure> failures) {

    public ProviderCatalog {
        providers = Collections.unmodifiableMap(new TreeMap<>(providers));
        failures = List.copyOf(failures);
    }

    public Optional<LoadedProvider> find(String id) {
        return Optional.ofNullable(providers.get(id));
    }
}
