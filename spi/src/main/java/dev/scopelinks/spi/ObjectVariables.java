package dev.scopelinks.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    /** {@code name}, {@code namespace}, {@code uid}, {@code kind}, {@code labels.<key>}, {@code annotations.<key>}. */
    public static final List<Variable> STANDARD = List.of(
            new Variable("name", "the object's name (metadata.name)", "web"),
            new Variable("namespace", "the object's namespace; absent for cluster-scoped objects", "default"),
            new Variable("uid", "the object's uid (metadata.uid)", "0b6c6a3e-1111-4a2b-9c1d-000000000001"),
            new Variable("kind", "the object's kind", "Deployment"),
            new Variable("labels.<key>", "the value of label <key>, e.g. labels.app.kubernetes.io/name", "web"),
            new Variable("annotations.<key>", "the value of annotation <key>", "team-a"));

    private final Map<String, String> values = new LinkedHashMap<>();

    /** {@link #STANDARD} followed by {@code more}, for a provider's {@link LinkProviderFactory#variables()}. */
    public static List<Variable> standardAnd(Variable... more) {
        List<Variable> all = new java.util.ArrayList<>(STANDARD);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    private ObjectVariables() {
    }

    /** A builder holding the {@link #STANDARD} variables of {@code object}. */
    public static ObjectVariables standard(KubeObject object) {
        ObjectVariables vars = new ObjectVariables();
        vars.put("name", object.name());
        vars.put("namespace", object.namespace().orElse(null));
        vars.put("uid", object.uid());
        vars.put("kind", object.kind());
        vars.putAll("labels.", object.labels());
        vars.putAll("annotations.", object.annotations());
        return vars;
    }

    /** An empty builder. */
    public static ObjectVariables empty() {
        return new ObjectVariables();
    }

    /** Adds {@code name}; a null or empty value is left out, so templates using it skip this object. */
    public ObjectVariables put(String name, String value) {
        Objects.requireNonNull(name, "name");
        if (value != null && !value.isEmpty()) {
            values.put(name, value);
        }
        return this;
    }

    /** Adds {@code name} when {@code value} is present. */
    public ObjectVariables put(String name, java.util.Optional<String> value) {
        return put(name, value.orElse(null));
    }

    /** Adds each entry of {@code entries} under {@code prefix + key}. */
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
                .collect(java.util.stream.Collectors.joining(",")));
        return putAll(name + ".", labels);
    }

    /** The variables, as an immutable map. */
    public Map<String, String> build() {
        return Map.copyOf(values);
    }
}
