package dev.scopelinks.host.plugin;

/**
 * The parent of every provider jar's class loader: it shows the jar the JDK and the SPI package,
 * and nothing of the host. A provider therefore cannot come to depend on host internals or on the
 * host's libraries, and two providers can bundle different versions of the same library.
 */
final class SpiOnlyClassLoader extends ClassLoader {

    private static final String SPI_PACKAGE = "dev.scopelinks.spi.";

    private final ClassLoader spiLoader;

    SpiOnlyClassLoader(ClassLoader spiLoader) {
        super("scope-links-spi", ClassLoader.getPlatformClassLoader());
        this.spiLoader = spiLoader;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(SPI_PACKAGE)) {
            return spiLoader.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
