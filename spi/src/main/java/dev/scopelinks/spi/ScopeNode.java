package dev.scopelinks.spi;

import java.util.Map;
import java.util.Objects;

/**
 * One Scope node an object feeds, with the variables its link templates can use.
 *
 * <p>Most objects feed exactly one node; a Pod feeds one Container node per running container.
 * Instances are immutable and made with {@link #of}; this is a class rather than a record so that
 * it can gain members without breaking any caller.
 *
 * <p>Example: {@code ScopeNode.of(ScopeTopology.POD, pod.uid(), Map.of("name", "web-1"))}.
 */
public final class ScopeNode {

    private final String nodeId;
    private final Map<String, String> variables;

    private ScopeNode(String nodeId, Map<String, String> variables) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.variables = Map.copyOf(variables);
    }

    /**
     * A node of {@code topology} whose id part is {@code id}. Example:
     * {@code ScopeNode.of(ScopeTopology.HOST, "worker-3", vars)} has the id {@code "worker-3;<host>"}.
     *
     * @param topology  the topology the node belongs to; it adds its tag to the id
     * @param id        the id part: usually the object's uid
     * @param variables variable name to value; a variable with no value for this object is left out
     */
    public static ScopeNode of(ScopeTopology topology, String id, Map<String, String> variables) {
        return new ScopeNode(topology.nodeId(id), variables);
    }

    /** The Scope node id, e.g. {@code "<uid>;<pod>"}. */
    public String nodeId() {
        return nodeId;
    }

    /** Variable name to value, e.g. {@code {name=web-1, namespace=shop}}; never null. */
    public Map<String, String> variables() {
        return variables;
    }

    /** Equal when id and variables are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ScopeNode that && nodeId.equals(that.nodeId) && variables.equals(that.variables);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodeId, variables);
    }

    /** The id and variables, for test failures: {@code "u1;<pod> {name=web-1}"}. */
    @Override
    public String toString() {
        return nodeId + " " + variables;
    }
}
