package dev.scopelinks.host.plugin;

import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.spi.SpiVersion;
import dev.scopelinks.spi.Variable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds providers with {@link ServiceLoader}: on the host's class path, and in every jar of a
 * drop-in directory, each jar in its own class loader that sees only the SPI. A jar or provider
 * that fails is recorded and skipped while the others load; two providers with one id stop the start.
 */
public final class ProviderLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderLoader.class);
    private static final Pattern PROVIDER_ID = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    static final String CLASS_PATH = "class path";

    private final ClassLoader hostLoader;
    private final Optional<Path> providersDir;

    /**
     * @param hostLoader   the loader whose class path is searched, and which supplies the SPI classes
     * @param providersDir the drop-in directory, if any; a missing directory is not an error
     */
    public ProviderLoader(ClassLoader hostLoader, Optional<Path> providersDir) {
        this.hostLoader = hostLoader;
        this.providersDir = providersDir;
    }

    public ProviderCatalog load() throws ProviderConflictException {
        Map<String, LoadedProvider> providers = new LinkedHashMap<>();
        List<ProviderLoadFailure> failures = new ArrayList<>();
        for (LinkProviderFactory factory : discover(hostLoader, CLASS_PATH, failures)) {
            accept(new LoadedProvider(factory, CLASS_PATH), providers, failures);
        }
        for (Path jar : jars(failures)) {
            String source = jar.toString();
            URLClassLoader loader;
            try {
                loader = new URLClassLoader("provider:" + jar.getFileName(), new URL[] {jar.toUri().toURL()},
                        new SpiOnlyClassLoader(hostLoader));
            } catch (MalformedURLException e) {
                failures.add(new ProviderLoadFailure(source, "cannot be opened: " + e.getMessage()));
                continue;
            }
            List<LinkProviderFactory> found = discover(loader, source, failures);
            if (found.isEmpty() && failures.stream().noneMatch(f -> f.source().equals(source))) {
                failures.add(new ProviderLoadFailure(source, "contains no provider: add its class name to "
                        + "META-INF/services/" + LinkProviderFactory.class.getName()));
            }
            for (LinkProviderFactory factory : found) {
                accept(new LoadedProvider(factory, source), providers, failures);
            }
        }
        failures.forEach(failure -> LOG.warn("Provider skipped: {}", failure));
        return new ProviderCatalog(providers, failures);
    }

    private List<Path> jars(List<ProviderLoadFailure> failures) {
        if (providersDir.isEmpty() || !Files.isDirectory(providersDir.get())) {
            providersDir.ifPresent(dir -> LOG.debug("No providers directory at {}", dir));
            return List.of();
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(providersDir.get(), "*.jar")) {
            entries.forEach(jars::add);
        } catch (IOException e) {
            failures.add(new ProviderLoadFailure(providersDir.get().toString(), "cannot be listed: " + e));
        }
        jars.sort(null);
        return jars;
    }

    /** Every factory {@code loader} offers; each broken entry becomes a failure instead of an exception. */
    private static List<LinkProviderFactory> discover(ClassLoader loader, String source,
                                                      List<ProviderLoadFailure> failures) {
        List<LinkProviderFactory> found = new ArrayList<>();
        Iterator<LinkProviderFactory> iterator = ServiceLoader.load(LinkProviderFactory.class, loader).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    return found;
                }
                found.add(iterator.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                failures.add(new ProviderLoadFailure(source, "cannot be loaded: " + describe(e)));
                if (e instanceof LinkageError) {
                    return found;
                }
            }
        }
    }

    private static void accept(LoadedProvider provider, Map<String, LoadedProvider> providers,
                               List<ProviderLoadFailure> failures) throws ProviderConflictException {
        String problem;
        try {
            problem = problemWith(provider.factory());
        } catch (RuntimeException | LinkageError e) {
            problem = "its declarations throw " + describe(e);
        }
        if (problem != null) {
            failures.add(new ProviderLoadFailure(provider.source(), provider.factory().getClass().getName() + " "
                    + problem));
            return;
        }
        LoadedProvider existing = providers.putIfAbsent(provider.id(), provider);
        if (existing != null) {
            throw new ProviderConflictException("two providers claim '" + provider.id() + "': "
                    + existing.factory().getClass().getName() + " from " + existing.source() + " and "
                    + provider.factory().getClass().getName() + " from " + provider.source()
                    + "; remove one of them");
        }
        LOG.debug("Provider {} from {}", provider.id(), provider.source());
    }

    /** Why the host cannot use this factory, or null. */
    private static String problemWith(LinkProviderFactory factory) {
        if (factory.spiVersion() != SpiVersion.CURRENT) {
            return "was built for provider API version " + factory.spiVersion() + " but this host implements "
                    + "version " + SpiVersion.CURRENT + "; use a provider release built for this host";
        }
        String id = factory.id();
        if (id == null || !PROVIDER_ID.matcher(id).matches()) {
            return "has an invalid id '" + id + "' (a letter, then letters and digits)";
        }
        if (factory.watches() == null || factory.topology() == null) {
            return "(" + id + ") declares no watched resource or no topology";
        }
        List<Variable> variables = factory.variables();
        if (variables == null) {
            return "(" + id + ") declares no variables";
        }
        Set<String> names = new HashSet<>();
        for (Variable variable : variables) {
            if (!names.add(variable.name())) {
                return "(" + id + ") declares variable '" + variable.name() + "' twice";
            }
        }
        if (factory.dependsOn() == null || factory.fieldsRead() == null) {
            return "(" + id + ") returns null from dependsOn() or fieldsRead()";
        }
        return null;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e ? text : text + " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
