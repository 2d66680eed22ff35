package dev.scopelinks.spi;

import java.util.Map;
import java.util.Objects;

/**
 * One Scope node an object feeds, with the variables its link templates can use.
 *
 * <p>Most objects feed exactly one node; a Pod feeds one Container node per running container.
 *
 * <p>Example: {@code ScopeNode.of(ScopeTopology.POD, pod.uid(), Map.of("name", "web-1"))}.
 *
 * @param nodeId    the Scope node id, e.g. {@code "<uid>;<pod>"}
 * @param variables variable name to value; a variable with no value for this object is left out
 */
public record ScopeNode(String nodeId, Map<String, String> variables) {

    public ScopeNode {
        Objects.requireNonNull(nodeId, "nodeId");
        variables = Map.copyOf(variables);
    }

    /** A node of {@code topology} whose id part is {@code id}. */
    public static ScopeNode of(ScopeTopology topology, String id, Map<String, String> variables) {
        return new ScopeNode(topology.nodeId(id), variables);
    }
}
