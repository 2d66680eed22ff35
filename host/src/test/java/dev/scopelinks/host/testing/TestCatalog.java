package dev.scopelinks.host.testing;

import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.plugin.ProviderConflictException;
import dev.scopelinks.host.plugin.ProviderLoader;
import java.util.Optional;

/** The providers on the test class path: the {@link TestProviderFactory} kinds. */
public final class TestCatalog {

    private TestCatalog() {
    }

    public static ProviderCatalog load() {
        try {
            return new ProviderLoader(TestCatalog.class.getClassLoader(), Optional.empty()).load();
        } catch (ProviderConflictException e) {
            throw new IllegalStateException(e);
        }
    }
}
