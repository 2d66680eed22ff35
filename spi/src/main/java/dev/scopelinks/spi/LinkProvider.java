package dev.scopelinks.spi;

import java.util.List;

/**
 * Turns one watched object into the Scope nodes it feeds and their template variables.
 *
 * <p>Called on the host's one report-writing thread whenever the object is added or changes, and
 * again after a config reload, with the object as the host's cache holds it (the standard metadata
 * plus the fields declared in {@link LinkProviderFactory#fieldsRead()}). It must be fast and must
 * not block: every other object waits for it. It may throw: the host then skips this object,
 * counts and logs the failure, and keeps serving every other object.
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
