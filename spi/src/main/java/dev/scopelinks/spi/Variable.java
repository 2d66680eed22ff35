package dev.scopelinks.spi;

import java.util.Objects;

/**
 * A template variable a provider offers, documented for operators.
 *
 * <p>A name ending in {@code .<key>} declares a family: {@code labels.<key>} lets a template use
 * {@code {{labels.app.kubernetes.io/name}}} for any label key.
 *
 * <p>Example: {@code new Variable("podIP", "the Pod's IP address", "10.1.2.3")}.
 *
 * @param name        the name used in templates
 * @param description what the value means, for the docs
 * @param example     a sample value, for the docs
 */
public record Variable(String name, String description, String example) {

    private static final String FAMILY_SUFFIX = ".<key>";

    public Variable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(example, "example");
        if (name.isBlank()) {
            throw new IllegalArgumentException("variable name must not be blank");
        }
    }

    /** Whether this declares a family of names such as {@code labels.<key>}. */
    public boolean isFamily() {
        return name.endsWith(FAMILY_SUFFIX);
    }

    /** Whether a template may use {@code candidate} under this declaration. */
    public boolean matches(String candidate) {
        if (isFamily()) {
            String prefix = name.substring(0, name.length() - FAMILY_SUFFIX.length() + 1);
            return candidate.length() > prefix.length() && candidate.startsWith(prefix);
        }
        return name.equals(candidate);
    }
}
