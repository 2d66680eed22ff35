package dev.scopelinks.host.config;

import java.util.Objects;

/**
 * A string from the config together with where it was written, so errors found later (in a
 * template, say) still point at the line the operator must edit.
 */
public record SourceText(String text, Location location) {

    public SourceText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(location, "location");
    }
}
