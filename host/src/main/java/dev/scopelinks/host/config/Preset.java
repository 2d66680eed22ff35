package dev.scopelinks.host.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A ready-made link for a well-known tool: {@code preset: <name>} plus a few parameters expand to
 * a link id, label and URL template, which is then checked like any template the operator writes.
 *
 * @param name        what the config writes after {@code preset:}
 * @param id          the link id unless the config gives one
 * @param label       the row label unless the config gives one
 * @param parameters  every parameter, with whether it is required and its default
 * @param templates   provider id to the URL template it expands to, given the parameter values
 */
public record Preset(String name, String id, String label, List<Parameter> parameters,
                     Map<String, BiFunction<String, Map<String, String>, String>> templates) {

    /**
     * One parameter. {@code url} parameters are base URLs (absolute http(s), trailing '/' dropped);
     * the others are plain words (letters, digits, '.', '_', ':', '-', '/'), which need no escaping
     * in any part of a URL, JSON or rison.
     */
    public record Parameter(String name, boolean required, String defaultValue, String meaning) {
        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(defaultValue, "defaultValue");
            Objects.requireNonNull(meaning, "meaning");
        }

        static Parameter required(String name, String meaning) {
            return new Parameter(name, true, "", meaning);
        }

        static Parameter optional(String name, String defaultValue, String meaning) {
            return new Parameter(name, false, defaultValue, meaning);
        }

        boolean isUrl() {
            return name.equals("url");
        }
    }

    public Preset {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
        templates = Map.copyOf(templates);
    }

    /** The provider ids this preset has a link for. */
    public Set<String> kinds() {
        return templates.keySet();
    }
}
