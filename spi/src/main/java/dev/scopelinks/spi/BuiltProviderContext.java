package dev.scopelinks.spi;

/** What {@link ProviderContext.Builder} builds; package-private so that only the interface is API. */
record BuiltProviderContext(String clusterName, ObjectLookup lookup, ProviderSettings settings)
        implements ProviderContext {
}
