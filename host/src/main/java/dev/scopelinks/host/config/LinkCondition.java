package dev.scopelinks.host.config;

import dev.scopelinks.spi.KubeObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A link's {@code when:}: which objects get the link at all. Every part that is set must hold; it is
 * checked before the URL is built, so a link that does not apply is not counted as skipped.
 *
 * @param namespaces        names or globs the object's namespace must match one of; empty means any
 * @param excludeNamespaces names or globs the object's namespace must match none of
 * @param selector          a label selector the object's labels must satisfy, if set
 * @param annotations       annotation key to the value it must have, or to empty when it need only be present
 * @param phases            for Pods: the {@code status.phase} values that get the link; empty means any
 */
public record LinkCondition(List<NamespacePattern> namespaces, List<NamespacePattern> excludeNamespaces,
                            Optional<LabelSelector> selector, Map<String, Optional<String>> annotations,
                            Set<String> phases) {

    /** No condition: every object gets the link. */
    public static final LinkCondition ALWAYS = new LinkCondition(List.of(), List.of(), Optional.empty(), Map.of(),
            Set.of());

    /** The phases a Pod can be in, as Kubernetes spells them. */
    public static final Set<String> POD_PHASES = Set.of("Pending", "Running", "Succeeded", "Failed", "Unknown");

    public LinkCondition {
        namespaces = List.copyOf(namespaces);
        excludeNamespaces = List.copyOf(excludeNamespaces);
        annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
        phases = Set.copyOf(phases);
    }

    /** Whether {@code object} gets the link. */
    public boolean test(KubeObject object) {
        String namespace = object.namespace().orElse("");
        if (!namespaces.isEmpty() && namespaces.stream().noneMatch(pattern -> pattern.matches(namespace))) {
            return false;
        }
        if (excludeNamespaces.stream().anyMatch(pattern -> pattern.matches(namespace))) {
            return false;
        }
        if (selector.isPresent() && !selector.get().matches(object.labels())) {
            return false;
        }
        for (Map.Entry<String, Optional<String>> annotation : annotations.entrySet()) {
            String value = object.annotations().get(annotation.getKey());
            if (value == null || (annotation.getValue().isPresent() && !annotation.getValue().get().equals(value))) {
                return false;
            }
        }
        return phases.isEmpty() || object.field("status.phase").filter(phases::contains).isPresent();
    }

    public boolean isAlways() {
        return equals(ALWAYS);
    }
}
