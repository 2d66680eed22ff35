package dev.scopelinks.host.template;

import dev.scopelinks.spi.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The names one template may use: config-level values the operator wrote (inserted as written with
 * {@code {{{x}}}}, or encoded with {@code {{x}}}), and the variables the provider declares for its
 * objects (always encoded).
 *
 * @param configValues    config variable to value, e.g. {@code cluster} and the file's {@code vars}
 * @param objectVariables what the provider offers
 */
public record TemplateVariables(Map<String, String> configValues, List<Variable> objectVariables) {

    public TemplateVariables {
        configValues = Collections.unmodifiableMap(new LinkedHashMap<>(configValues));
        objectVariables = List.copyOf(objectVariables);
    }

    boolean isConfig(String name) {
        return configValues.containsKey(name);
    }

    boolean isObject(String name) {
        Objects.requireNonNull(name);
        return objectVariables.stream().anyMatch(variable -> variable.matches(name));
    }

    /** Every name, for "did you mean" hints. */
    List<String> allNames() {
        List<String> names = new ArrayList<>(configValues.keySet());
        objectVariables.forEach(variable -> names.add(variable.name()));
        return names;
    }
}
