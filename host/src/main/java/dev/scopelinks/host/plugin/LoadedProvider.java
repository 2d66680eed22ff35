package dev.scopelinks.host.plugin;

import dev.scopelinks.spi.LinkProvider;
import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.spi.ProviderContext;
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

    /**
     * Creates the provider for one configuration. {@code create} and every later call on the
     * instance run with the provider's own class loader as the thread's context class loader, so
     * libraries a provider jar bundles that look classes up through it find the jar's classes,
     * not the host's.
     *
     * @throws RuntimeException when the factory throws or returns null
     */
    public LinkProvider create(ProviderContext context) {
        ClassLoader loader = factory.getClass().getClassLoader();
        LinkProvider created = ContextClassLoader.call(loader, () -> factory.create(context));
        return new IsolatedProvider(id(), Objects.requireNonNull(created, "create() returned null"), loader);
    }
}
