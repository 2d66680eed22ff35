package dev.scopelinks.spi;

import java.util.Objects;

/**
 * A template variable a provider offers, documented for operators.
 *
 * <p>A name ending in {@code .<key>} declares a family: {@code labels.<key>} lets a template use
 * {@code {{labels.app.kubernetes.io/name}}} for any label key.
 *
 * <p>Instances are immutable and made with {@link #of}; this is a class rather than a record so
 * that it can gain members (a deprecation note, say) without breaking any caller.
 *
 * <p>Example: {@code Variable.of("podIP", "the Pod's IP address", "10.1.2.3")}.
 */
public final class Variable {

    private static final String FAMILY_SUFFIX = ".<key>";

    private final String name;
    private final String description;
    private final String example;

    private Variable(String name, String description, String example) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.example = Objects.requireNonNull(example, "example");
        if (name.isBlank()) {
            throw new IllegalArgumentException("variable name must not be blank");
        }
    }

    /**
     * A variable named {@code name}. Example: {@code Variable.of("replicas", "desired replicas", "3")}.
     *
     * @param name        the name used in templates, e.g. {@code "replicas"} or {@code "selector.<key>"}
     * @param description what the value means, for the docs
     * @param example     a sample value, for the docs
     */
    public static Variable of(String name, String description, String example) {
        return new Variable(name, description, example);
    }

    /** The name used in templates. Example: {@code "podIP"}. */
    public String name() {
        return name;
    }

    /** What the value means, for the docs. Example: {@code "the Pod's IP address"}. */
    public String description() {
        return description;
    }

    /** A sample value, for the docs. Example: {@code "10.1.2.3"}. */
    public String example() {
        return example;
    }

    /**
     * Whether this declares a family of names such as {@code labels.<key>}.
     * Example: {@code Variable.of("labels.<key>", "a label", "web").isFamily()} is {@code true}.
     */
    public boolean isFamily() {
        return name.endsWith(FAMILY_SUFFIX);
    }

    /**
     * Whether a template may use {@code candidate} under this declaration. Example: the family
     * {@code labels.<key>} matches {@code "labels.app"} but not {@code "labels."}.
     */
    public boolean matches(String candidate) {
        if (isFamily()) {
            String prefix = name.substring(0, name.length() - FAMILY_SUFFIX.length() + 1);
            return candidate.length() > prefix.length() && candidate.startsWith(prefix);
        }
        return name.equals(candidate);
    }

    /** Equal when name, description and example are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Variable that && name.equals(that.name) && description.equals(that.description)
                && example.equals(that.example);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, example);
    }

    /** The name, e.g. {@code podIP}. */
    @Override
    public String toString() {
        return name;
    }
}
