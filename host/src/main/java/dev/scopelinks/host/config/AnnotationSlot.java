package dev.scopelinks.host.config;

import java.util.List;
import java.util.Objects;

/**
 * A link row the operator declares and app teams fill on their own objects with an annotation
 * {@code <prefix>/<id>: https://…}. Scope takes a row's label and priority from the topology, not
 * from a node, so they are the operator's; only the URL comes from the object.
 *
 * @param id         the slot: the annotation's name after the prefix, and the row key's suffix
 * @param label      the row's label in Scope
 * @param priority   the row's position, in (0, 10)
 * @param kinds      the provider ids whose objects may fill it
 * @param namespaces names or globs of the namespaces whose objects may fill it; empty means any
 * @param location   where the slot is declared
 */
public record AnnotationSlot(String id, String label, double priority, List<String> kinds,
                             List<NamespacePattern> namespaces, Location location) {

    public AnnotationSlot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        kinds = List.copyOf(kinds);
        namespaces = List.copyOf(namespaces);
        Objects.requireNonNull(location, "location");
    }

    /** Whether objects in {@code namespace} may fill this slot. */
    public boolean allows(String namespace) {
        return namespaces.isEmpty() || namespaces.stream().anyMatch(pattern -> pattern.matches(namespace));
    }
}
