package dev.scopelinks.host.render;

import dev.scopelinks.host.template.RenderResult;

/** Hears about links left off an object, for metrics and logs. */
@FunctionalInterface
public interface SkipListener {

    /**
     * @param providerId the provider
     * @param linkId     the configured link id
     * @param object     the object, as {@code namespace/name}
     * @param skipped    the reason
     */
    void skipped(String providerId, String linkId, String object, RenderResult.Skipped skipped);
}
