package dev.scopelinks.host.template;

/** What rendering one link for one object gave. */
public sealed interface RenderResult {

    /** A URL that passed every check and may be served. */
    record Rendered(String url) implements RenderResult {
    }

    /**
     * No link for this object.
     *
     * @param reason a short, stable reason for metrics and logs: {@code missing:<var>},
     *               {@code invalid-url}, {@code unsafe-link:<why>} ({@link LinkSafety})
     * @param detail a readable explanation
     */
    record Skipped(String reason, String detail) implements RenderResult {
    }
}
