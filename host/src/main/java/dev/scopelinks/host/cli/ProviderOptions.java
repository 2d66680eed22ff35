package dev.scopelinks.host.cli;

import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.plugin.ProviderConflictException;
import dev.scopelinks.host.plugin.ProviderLoader;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --providers-dir}, shared by every command that loads providers. */
public final class ProviderOptions {

    @Option(names = "--providers-dir", paramLabel = "DIR",
            description = "Directory of provider jars to load besides the built-in class path "
                    + "(default: providers/ beside the installation).")
    Path providersDir;

    public ProviderCatalog load() throws InvalidInputException {
        Optional<Path> dir = Optional.ofNullable(providersDir).or(Installation::defaultProvidersDir);
        try {
            return new ProviderLoader(ProviderOptions.class.getClassLoader(), dir).load();
        } catch (ProviderConflictException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }
}
