package dev.scopelinks.spi;

/**
 * The version of this provider API.
 *
 * <p>A provider returns {@link #CURRENT} from {@link LinkProviderFactory#spiVersion()}. Because
 * {@code CURRENT} is a compile-time constant, the value is copied into the provider's class file
 * when it is compiled, so the host learns which API version the provider was built against and can
 * refuse one built for an incompatible version with a clear message.
 *
 * <p>Additions (new {@code default} methods, new classes, new factory methods) keep the version;
 * only a change that would break a provider already built bumps it (see the
 * {@linkplain dev.scopelinks.spi package documentation}).
 *
 * <p>Example: {@code public int spiVersion() { return SpiVersion.CURRENT; }}
 */
public final class SpiVersion {

    /** The API version this jar defines. Bumped only for incompatible changes. Example: {@code 1}. */
    public static final int CURRENT = 1;

    private SpiVersion() {
    }
}
