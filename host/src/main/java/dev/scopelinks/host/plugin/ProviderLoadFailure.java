package dev.scopelinks.host.plugin;

/**
 * A provider (or a whole jar) the host skipped, and why. Shown in the log and on {@code /readyz}.
 *
 * @param source the jar or {@code class path}
 * @param reason what went wrong, in words an operator can act on
 */
public record ProviderLoadFailure(String source, String reason) {

    @Override
    public String toString() {
        return source + ": " + reason;
    }
}
