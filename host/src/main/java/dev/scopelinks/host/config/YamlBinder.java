package dev.scopelinks.host.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The typed reads every config section shares: each one records a problem at its file:line:col
 * and returns nothing instead of throwing, so one run reports every mistake in the file. The
 * section binders ({@code *Section}) say what each part of the file means; this class only knows
 * YAML shapes, {@code ${ENV}} references and where a value was written.
 */
final class YamlBinder {

    /** Variable names, also the names {@code ${NAME}} may look up in the environment. */
    static final Pattern VAR_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{([^}]*)}");

    private final String[] lines;
    private final List<ConfigError> errors;
    private final Function<String, String> environment;

    /**
     * @param lines       the file's lines, to place errors inside quoted strings
     * @param errors      where problems are recorded
     * @param environment looks up {@code ${NAME}} references
     */
    YamlBinder(String[] lines, List<ConfigError> errors, Function<String, String> environment) {
        this.lines = lines;
        this.errors = errors;
        this.environment = environment;
    }

    YamlNode.Mapping mapping(YamlNode node, String path) {
        if (node instanceof YamlNode.Mapping mapping) {
            return mapping;
        }
        error(node.location(), path, "must be a mapping (key: value lines), not " + node.describe());
        return null;
    }

    /** The mapping under {@code key}, or null when the key is absent or not a mapping (then recorded). */
    YamlNode.Mapping mapping(YamlNode.Mapping parent, String parentPath, String key) {
        YamlNode.Entry entry = parent.entries().get(key);
        return entry == null ? null : mapping(entry.value(), join(parentPath, key));
    }

    YamlNode.Sequence sequence(YamlNode node, String path) {
        if (node instanceof YamlNode.Sequence sequence) {
            return sequence;
        }
        error(node.location(), path, "must be a list ('- ' items), not " + node.describe());
        return null;
    }

    void knownKeys(YamlNode.Mapping mapping, String path, Set<String> known) {
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!known.contains(entry.key())) {
                error(entry.keyLocation(), join(path, entry.key()), "unknown key" + Hints.didYouMean(entry.key(), known)
                        + "; known keys here: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    Optional<SourceText> requiredString(YamlNode.Mapping parent, String parentPath, String key) {
        if (!parent.entries().containsKey(key)) {
            error(parent.location(), join(parentPath, key), "is required");
            return Optional.empty();
        }
        return string(parent, parentPath, key);
    }

    Optional<SourceText> string(YamlNode.Mapping parent, String parentPath, String key) {
        YamlNode.Entry entry = parent.entries().get(key);
        if (entry == null) {
            return Optional.empty();
        }
        String path = join(parentPath, key);
        if (entry.value() instanceof YamlNode.Scalar scalar && scalar.type() == YamlNode.ScalarType.STRING) {
            return Optional.of(new SourceText(expandEnvironment(scalar.value(), scalar.location(), path),
                    scalar.location()));
        }
        error(entry.value().location(), path, "must be a string, not " + entry.value().describe());
        return Optional.empty();
    }

    /** Any scalar but null, as text; numbers and booleans are accepted where a string is natural (vars). */
    Optional<SourceText> scalarText(YamlNode node, String path) {
        if (node instanceof YamlNode.Scalar scalar && scalar.type() != YamlNode.ScalarType.NULL) {
            return Optional.of(new SourceText(expandEnvironment(scalar.value(), scalar.location(), path),
                    scalar.location()));
        }
        error(node.location(), path, "must be a string, not " + node.describe());
        return Optional.empty();
    }

    List<String> stringList(YamlNode.Mapping parent, String parentPath, String key) {
        YamlNode.Entry entry = parent.entries().get(key);
        if (entry == null) {
            return List.of();
        }
        String path = join(parentPath, key);
        YamlNode.Sequence items = sequence(entry.value(), path);
        if (items == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < items.items().size(); i++) {
            scalarText(items.items().get(i), path + "[" + i + "]").ifPresent(text -> values.add(text.text()));
        }
        return values;
    }

    /** A list of namespace names or globs under {@code key}; empty when absent. */
    List<NamespacePattern> namespacePatterns(YamlNode.Mapping parent, String parentPath, String key) {
        List<NamespacePattern> patterns = new ArrayList<>();
        YamlNode.Entry entry = parent.entries().get(key);
        if (entry == null) {
            return patterns;
        }
        String path = join(parentPath, key);
        YamlNode.Sequence items = sequence(entry.value(), path);
        for (int i = 0; items != null && i < items.items().size(); i++) {
            String itemPath = path + "[" + i + "]";
            scalarText(items.items().get(i), itemPath).ifPresent(text -> {
                if (NamespacePattern.isValid(text.text())) {
                    patterns.add(NamespacePattern.of(text.text()));
                } else {
                    error(text.location(), itemPath, "'" + text.text() + "' is not a namespace name or glob "
                            + "(lower-case letters, digits, '-', and * or ? as wildcards)");
                }
            });
        }
        return patterns;
    }

    /**
     * A row's {@code priority}: Scope drops rows at 0 and hides those from 10 up, so it must lie in
     * (0, 10). Without one, the {@code index}-th row gets {@code 1.1, 1.2, …}: the written order.
     * NaN when the value is not a number (already recorded).
     */
    double priority(YamlNode.Mapping row, String rowPath, int index) {
        YamlNode.Entry entry = row.entries().get("priority");
        if (entry == null) {
            return LinksSection.automaticPriority(index);
        }
        String path = rowPath + ".priority";
        if (!(entry.value() instanceof YamlNode.Scalar scalar)
                || (scalar.type() != YamlNode.ScalarType.INTEGER && scalar.type() != YamlNode.ScalarType.FLOAT)) {
            error(entry.value().location(), path, "must be a number, not " + entry.value().describe());
            return Double.NaN;
        }
        double value = Double.parseDouble(scalar.value());
        if (!(value > 0 && value < 10)) {
            error(scalar.location(), path, value + " is outside (0, 10): Scope drops rows at 0 and hides those "
                    + "from 10 up behind 'show more'");
        }
        return value;
    }

    /** The location of character {@code offset} of a string value, past an opening quote. */
    Location at(SourceText text, int offset) {
        Location start = text.location();
        int line = start.line() - 1;
        int column = start.column();
        if (line < lines.length && column - 1 < lines[line].length()) {
            char first = lines[line].charAt(column - 1);
            if (first == '"' || first == '\'') {
                column++;
            }
        }
        return new Location(start.file(), start.line(), column + offset);
    }

    void error(Location location, String path, String message) {
        errors.add(new ConfigError(location, path, message));
    }

    static String join(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    private String expandEnvironment(String value, Location location, String path) {
        if (value.indexOf('$') < 0) {
            return value;
        }
        Matcher matcher = ENV_REFERENCE.matcher(value);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group(1) == null) {
                replacement = "${";
            } else {
                String name = matcher.group(1);
                String env = VAR_NAME.matcher(name).matches() ? environment.apply(name) : null;
                if (env == null) {
                    error(location, path, "environment variable '" + name + "' is not set (write $${ for a "
                            + "literal ${)");
                    env = "";
                }
                replacement = env;
            }
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }
}
