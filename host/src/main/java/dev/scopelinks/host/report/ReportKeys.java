package dev.scopelinks.host.report;

/**
 * The keys links have in the served report. Inside the host a link is known by its long key
 * ({@code <pluginId>-<linkId>}, as logs and metrics say); on the wire every node repeats the key
 * once per link, so the report uses a five-character key derived from the long one instead. The
 * derivation is a pure function of the long key: the same link keeps the same wire key across
 * restarts, reloads and shards (Scope merges by key and timestamp), and two plugins with
 * different ids do not share keys.
 */
public final class ReportKeys {

    private static final int LENGTH = 5;
    private static final long SPACE = 36L * 36 * 36 * 36 * 36;

    private ReportKeys() {
    }

    /**
     * The wire key of {@code reportKey}, e.g. {@code scope-links-dashboard} becomes five
     * characters of {@code [0-9a-z]}. The metadata template of the link has the same id.
     */
    public static String wire(String reportKey) {
        long value = Long.remainderUnsigned(mix(fnv(reportKey)), SPACE);
        char[] key = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            key[i] = Character.forDigit((int) (value % 36), 36);
            value /= 36;
        }
        return new String(key);
    }

    /** A 64-bit FNV-1a hash of the characters. */
    static long fnv(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64's finalizer: FNV's low bits alone spread short, similar strings poorly. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
