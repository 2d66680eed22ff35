package dev.scopelinks.host.plan;

import dev.scopelinks.host.config.LinkConfig;
import dev.scopelinks.host.template.UrlTemplate;
import java.util.Objects;

/**
 * A configured link, ready to render.
 *
 * @param key      the key in Scope's report ({@code <pluginId>-<linkId>}): metadata template id and {@code latest} key
 * @param config   the link as configured
 * @param template its compiled URL template
 */
public record CompiledLink(String key, LinkConfig config, UrlTemplate template) {

    public CompiledLink {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(template, "template");
    }
}
