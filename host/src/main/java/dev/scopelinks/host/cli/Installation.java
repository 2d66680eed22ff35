package dev.scopelinks.host.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the distribution is unpacked. The launcher passes it as the {@code scope-links.home}
 * system property; defaults such as {@code providers/} and {@code conf/scope-links.yaml} are
 * found beside it.
 */
public final class Installation {

    static final String HOME_PROPERTY = "scope-links.home";

    private Installation() {
    }

    public static Optional<Path> home() {
        String home = System.getProperty(HOME_PROPERTY);
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home));
    }

    /** {@code <home>/providers}, if the installation has one. */
    static Optional<Path> defaultProvidersDir() {
        return home().map(home -> home.resolve("providers")).filter(Files::isDirectory);
    }

    /** {@code <home>/conf/scope-links.yaml}, if the installation has one. */
    static Optional<Path> defaultConfig() {
        return home().map(home -> home.resolve("conf").resolve("scope-links.yaml")).filter(Files::isRegularFile);
    }

    /** {@code given} (a {@code --config} option) when set, else the installation's default config. */
    static Path configOrDefault(Path given) throws InvalidInputException {
        if (given != null) {
            return given;
        }
        return defaultConfig().orElseThrow(() -> new InvalidInputException("no config given: pass --config FILE"));
    }
}
