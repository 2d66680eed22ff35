package dev.scopelinks.host.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Binds {@code vars:}, the operator's constants that templates may use (base URLs, data source ids). */
final class VarsSection {

    private static final String PATH = "vars";

    private final YamlBinder yaml;

    VarsSection(YamlBinder yaml) {
        this.yaml = Objects.requireNonNull(yaml, "yaml");
    }

    Map<String, SourceText> bind(YamlNode.Mapping root) {
        Map<String, SourceText> vars = new LinkedHashMap<>();
        YamlNode.Mapping mapping = yaml.mapping(root, "", PATH);
        if (mapping == null) {
            return vars;
        }
        for (YamlNode.Entry var : mapping.entries().values()) {
            String path = PATH + "." + var.key();
            if (!YamlBinder.VAR_NAME.matcher(var.key()).matches()) {
                yaml.error(var.keyLocation(), path, "a variable name starts with a letter and has only letters, "
                        + "digits and '_'");
                continue;
            }
            yaml.scalarText(var.value(), path).ifPresent(text -> vars.put(var.key(), text));
        }
        return vars;
    }
}
