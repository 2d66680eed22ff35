package dev.scopelinks.host.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The links one Scope node gets.
 *
 * @param nodeId the Scope node id
 * @param links  report key ({@code <pluginId>-<linkId>}) to URL, in configured order
 */
public record RenderedNode(String nodeId, Map<String, String> links) {

    public RenderedNode {
        Objects.requireNonNull(nodeId, "nodeId");
        links = Collections.unmodifiableMap(new LinkedHashMap<>(links));
    }
}
