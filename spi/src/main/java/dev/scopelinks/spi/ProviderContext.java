package dev.scopelinks.spi;

import java.util.Objects;

/**
 * What the host hands a provider when it creates one.
 *
 * <p>Example: {@code factory.create(new ProviderContext("prod-eu", ObjectLookup.none()))}.
 *
 * @param clusterName the cluster name from the operator's config, for providers that need it
 * @param lookup      read-only access to the other objects the host watches
 */
public record ProviderContext(String clusterName, ObjectLookup lookup) {

    public ProviderContext {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(lookup, "lookup");
    }
}
