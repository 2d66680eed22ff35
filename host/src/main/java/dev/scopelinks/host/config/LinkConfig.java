package dev.scopelinks.host.config;

import java.util.Objects;

/**
 * One link a provider's objects get.
 *
 * @param id          unique within its provider; Scope's row key is {@code <pluginId>-<id>}
 * @param label       the row's label in Scope (the link text is the URL itself)
 * @param url         the mustache URL template
 * @param priority    the row's position in Scope, in (0, 10); rows from 10 up hide behind "show more"
 * @param description an optional note for operators; not sent to Scope
 * @param location    where the link starts in the file
 * @param when        which objects get the link
 */
public record LinkConfig(String id, String label, SourceText url, double priority, String description,
                         Location location, LinkCondition when) {

    /** A link every object gets. */
    public LinkConfig(String id, String label, SourceText url, double priority, String description, Location location) {
        this(id, label, url, priority, description, location, LinkCondition.ALWAYS);
    }

    public LinkConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(when, "when");
    }
}
