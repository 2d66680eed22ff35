package dev.scopelinks.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The variables every object offers, and a builder for a provider's variable map.
 *
 * <p>Example:
 * <pre>{@code
 * Map<String, String> vars = ObjectVariables.standard(pod)
 *         .put("podIP", pod.field("status.podIP"))
 *         .build();
 * }</pre>
 */
public final class ObjectVariables {

    /**
     * {@code name}, {@code namespace}, {@code uid}, {@code kind}, {@code labels.<key>}, {@code annotations.<key>}.
     * Example: {@code ObjectVariables.STANDARD.get(0).name()} is {@code "name"}.
     */
    public static final List<Variable> STANDARD = List.of(
            Variable.of("name", "the object's name (metadata.name)", "web"),
            Variable.of("namespace", "the object's namespace; absent for cluster-scoped objects", "default"),
            Variable.of("uid", "the object's uid (metadata.uid)", "0b6c6a3e-1111-4a2b-9c1d-000000000001"),
            Variable.of("kind", "the object's kind", "Deployment"),
            Variable.of("labels.<key>", "the value of label <key>, e.g. labels.app.kubernetes.io/name", "web"),
            Variable.of("annotations.<key>", "the value of annotation <key>", "team-a"));

    private final Map<String, String> values = new LinkedHashMap<>();

    /**
     * {@link #STANDARD} followed by {@code more}, for a provider's {@link LinkProviderFactory#variables()}.
     * Example: {@code standardAnd(Variable.of("phase", "the phase", "Running"))}.
     */
    public static List<Variable> standardAnd(Variable... more) {
        List<Variable> all = new ArrayList<>(STANDARD);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    private ObjectVariables() {
    }

    /** A builder holding the {@link #STANDARD} variables of {@code object}. Example: {@code standard(pod).build()}. */
    public static ObjectVariables standard(KubeObject object) {
        return new ObjectVariables().putStandard(object);
    }

    /** Adds the {@link #STANDARD} variables of {@code object}. */
    ObjectVariables putStandard(KubeObject object) {
        put("name", object.name());
        put("namespace", object.namespace().orElse(null));
        put("uid", object.uid());
        put("kind", object.kind());
        putAll("labels.", object.labels());
        return putAll("annotations.", object.annotations());
    }

    /** An empty builder. Example: {@code ObjectVariables.empty().put("podName", pod.name())}. */
    public static ObjectVariables empty() {
        return new ObjectVariables();
    }

    /**
     * Adds {@code name}; a null or empty value is left out, so templates using it skip this object.
     * Example: {@code put("replicas", "3")}.
     */
    public ObjectVariables put(String name, String value) {
        Objects.requireNonNull(name, "name");
        if (value != null && !value.isEmpty()) {
            values.put(name, value);
        }
        return this;
    }

    /** Adds {@code name} when {@code value} is present. Example: {@code put("podIP", pod.field("status.podIP"))}. */
    public ObjectVariables put(String name, Optional<String> value) {
        return put(name, value.orElse(null));
    }

    /** Adds each entry of {@code entries} under {@code prefix + key}. Example: {@code putAll("labels.", pod.labels())}. */
    public ObjectVariables putAll(String prefix, Map<String, String> entries) {
        entries.forEach((key, value) -> put(prefix + key, value));
        return this;
    }

    /**
     * Adds a label selector two ways: {@code name} as {@code key=value} pairs sorted and joined by
     * commas, ready for a label query, and each label as {@code name.<key>}. Nothing is added for
     * an empty selector.
     *
     * <p>Example: {@code putSelector("selector", Map.of("app", "web", "tier", "front"))} adds
     * {@code selector = "app=web,tier=front"}, {@code selector.app = "web"} and
     * {@code selector.tier = "front"}.
     */
    public ObjectVariables putSelector(String name, Map<String, String> labels) {
        put(name, labels.entrySet().stream().map(label -> label.getKey() + "=" + label.getValue()).sorted()
                .collect(Collectors.joining(",")));
        return putAll(name + ".", labels);
    }

    /** The variables, as an immutable map. Example: {@code {name=web, replicas=3}}. */
    public Map<String, String> build() {
        return Map.copyOf(values);
    }
}
