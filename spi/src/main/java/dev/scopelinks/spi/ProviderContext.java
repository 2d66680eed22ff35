package dev.scopelinks.spi;

import java.util.Objects;

/**
 * What the host hands a provider when it creates one: the cluster's name, read-only access to the
 * other objects it watches, and the provider's own settings from the operator's config.
 *
 * <p>The host implements this interface; members added later come as {@code default} methods, so
 * a provider compiled against an older version keeps working. Tests and tools that create a
 * provider themselves build a context with {@link #builder()}.
 *
 * <p>Example:
 * <pre>{@code
 * LinkProvider provider = factory.create(ProviderContext.builder()
 *         .clusterName("prod-eu")
 *         .settings(ProviderSettings.builder().put("console", "https://console.example").build())
 *         .build());
 * }</pre>
 */
public interface ProviderContext {

    /**
     * The cluster name from the operator's config ({@code cluster:}), for providers that need it.
     * Example: {@code "prod-eu"}.
     */
    String clusterName();

    /**
     * Read-only access to the other objects the host watches. Example:
     * {@code context.lookup().byName(OwnerChain.REPLICA_SETS, "shop", "web-7d4f8b")}.
     */
    ObjectLookup lookup();

    /**
     * This provider's settings: the {@code settings:} mapping under its id in the operator's
     * config, empty when there is none. Example, for
     * {@code providers: {Deployment: {settings: {console: https://console.example}, links: […]}}}:
     * {@code context.settings().get("console")} is {@code Optional[https://console.example]}.
     *
     * @since SPI version 1 (added as a default method)
     */
    default ProviderSettings settings() {
        return ProviderSettings.empty();
    }

    /**
     * A builder with cluster name {@code ""}, a look-up that finds nothing and no settings.
     * Example: {@code ProviderContext.builder().clusterName("prod-eu").build()}.
     */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Builds an immutable {@link ProviderContext}; every part has a default, so callers name only
     * what they need. Example: {@code ProviderContext.builder().lookup(cache).build()}.
     */
    final class Builder {

        private String clusterName = "";
        private ObjectLookup lookup = ObjectLookup.none();
        private ProviderSettings settings = ProviderSettings.empty();

        private Builder() {
        }

        /** Sets {@link ProviderContext#clusterName()}. Example: {@code .clusterName("prod-eu")}. */
        public Builder clusterName(String clusterName) {
            this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
            return this;
        }

        /** Sets {@link ProviderContext#lookup()}. Example: {@code .lookup(ObjectLookup.none())}. */
        public Builder lookup(ObjectLookup lookup) {
            this.lookup = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /** Sets {@link ProviderContext#settings()}. Example: {@code .settings(ProviderSettings.empty())}. */
        public Builder settings(ProviderSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The context. Example: {@code ProviderContext.builder().build().clusterName()} is {@code ""}. */
        public ProviderContext build() {
            return new BuiltProviderContext(clusterName, lookup, settings);
        }
    }
}
