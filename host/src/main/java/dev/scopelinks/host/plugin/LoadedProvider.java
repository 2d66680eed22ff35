package dev.scopelinks.host.plugin;

import dev.scopelinks.spi.LinkProviderFactory;
import java.util.Objects;

/**
 * A provider the host found and accepted.
 *
 * @param factory the provider's factory
 * @param source  where it came from: {@code class path} or the jar's path
 */
public record LoadedProvider(LinkProviderFactory factory, String source) {

    public LoadedProvider {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(source, "source");
    }

    public String id() {
        return factory.id();
    }
}
