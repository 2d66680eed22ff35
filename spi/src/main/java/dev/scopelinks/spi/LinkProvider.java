package dev.scopelinks.spi;

import java.util.List;

/**
 * Turns one watched object into the Scope nodes it feeds and their template variables.
 *
 * <p>Called on the host's watch thread whenever the object is added or changes, so it must be
 * fast and must not block. It may throw: the host then skips this object, counts and logs the
 * failure, and keeps serving every other object.
 *
 * <p>Example: {@code object -> List.of(ScopeNode.of(ScopeTopology.SERVICE, object.uid(), vars))}.
 */
@FunctionalInterface
public interface LinkProvider {

    /**
     * The nodes {@code object} feeds; empty when Scope would not draw it (e.g. a Pod container
     * that has no container id yet).
     */
    List<ScopeNode> nodesFor(KubeObject object);
}
