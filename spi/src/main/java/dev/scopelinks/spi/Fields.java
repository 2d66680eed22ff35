package dev.scopelinks.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only access to the fields of a Kubernetes object or of one element of a list in it.
 *
 * <p>Paths are dot-separated field names from this level: {@code "spec.nodeName"},
 * {@code "status.podIP"}. Scalars come back as strings ({@code "3"} for a number, {@code "true"}
 * for a boolean); a missing field, a {@code null}, or a field that is not a scalar is empty.
 *
 * <p>Example: {@code object.list("status.containerStatuses").get(0).field("containerID")}.
 */
public interface Fields {

    /** The scalar at {@code path} as a string, or empty. Example: {@code pod.field("spec.nodeName")} is {@code Optional[worker-3]}. */
    Optional<String> field(String path);

    /**
     * The elements of the list at {@code path}, each as its own view; empty when absent.
     * Example: {@code node.list("status.addresses").get(0).field("type")} is {@code Optional[InternalIP]}.
     */
    List<Fields> list(String path);

    /**
     * The string-to-scalar map at {@code path}; empty when absent.
     * Example: {@code deployment.map("spec.selector.matchLabels")} is {@code {app=web}}.
     */
    Map<String, String> map(String path);
}
