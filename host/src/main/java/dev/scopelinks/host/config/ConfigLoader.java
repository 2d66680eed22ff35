package dev.scopelinks.host.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and structurally checks a config file: YAML syntax, known keys, types, required values,
 * ids and priorities. Every problem is collected, so one run shows the operator all of them.
 */
public final class ConfigLoader {

    /** Scope's own rule for plugin ids (socket names). */
    public static final Pattern PLUGIN_ID = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");
    /** Link ids become part of Scope's row keys; keep them to a safe alphabet. */
    public static final Pattern LINK_ID = Pattern.compile("[A-Za-z0-9]+([-_][A-Za-z0-9]+)*");
    private static final Pattern VAR_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{([^}]*)}");
    private static final int MAX_AUTO_LINKS = 89;

    private final Function<String, String> environment;

    /** @param environment looks up environment variables for {@code ${NAME}} in config values */
    public ConfigLoader(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** A loader that reads the process environment. */
    public static ConfigLoader withSystemEnvironment() {
        return new ConfigLoader(System::getenv);
    }

    /** Loads {@code file}. */
    public ScopeLinksConfig load(Path file) throws ConfigException {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigError(new Location(name, 1, 1), "",
                    "cannot read config file: " + e)));
        }
        return load(name, new StringReader(text));
    }

    /** Loads a config from {@code reader}, naming it {@code fileName} in messages. */
    public ScopeLinksConfig load(String fileName, Reader reader) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>();
        YamlNode root = new YamlReader(fileName, errors).read(reader);
        if (root == null && errors.isEmpty()) {
            errors.add(new ConfigError(new Location(fileName, 1, 1), "", "the file is empty; it needs at least "
                    + "'apiVersion: " + ScopeLinksConfig.API_VERSION + "' and 'providers'"));
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        ScopeLinksConfig config = new Binder(fileName, errors).root(root);
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt((ConfigError e) -> e.location().line())
                    .thenComparingInt(e -> e.location().column()));
            throw new ConfigException(errors);
        }
        return config;
    }

    /** Turns the located tree into records, recording every problem instead of stopping at the first. */
    private final class Binder {
        private final String fileName;
        private final List<ConfigError> errors;

        Binder(String fileName, List<ConfigError> errors) {
            this.fileName = fileName;
            this.errors = errors;
        }

        ScopeLinksConfig root(YamlNode node) {
            YamlNode.Mapping root = mapping(node, "");
            if (root == null) {
                return null;
            }
            knownKeys(root, "", Set.of("apiVersion", "plugin", "socketDir", "cluster", "namespaces", "vars",
                    "providers"));
            Optional<SourceText> apiVersion = string(root, "", "apiVersion");
            if (apiVersion.isEmpty()) {
                error(root.location(), "", "'apiVersion: " + ScopeLinksConfig.API_VERSION
                        + "' is required so the format can evolve");
            } else if (!ScopeLinksConfig.API_VERSION.equals(apiVersion.get().text())) {
                error(apiVersion.get().location(), "apiVersion", "unsupported version '" + apiVersion.get().text()
                        + "'; this build reads " + ScopeLinksConfig.API_VERSION);
            }
            PluginConfig plugin = plugin(root);
            Optional<String> socketDir = string(root, "", "socketDir").map(SourceText::text);
            String cluster = string(root, "", "cluster").map(SourceText::text).orElse("");
            List<String> namespaces = stringList(root, "namespaces");
            Map<String, SourceText> vars = vars(root);
            Map<String, ProviderConfig> providers = providers(root);
            return new ScopeLinksConfig(fileName, plugin, socketDir, cluster, namespaces, vars, providers);
        }

        private PluginConfig plugin(YamlNode.Mapping root) {
            YamlNode.Entry entry = root.entries().get("plugin");
            if (entry == null) {
                return PluginConfig.defaults();
            }
            YamlNode.Mapping plugin = mapping(entry.value(), "plugin");
            if (plugin == null) {
                return PluginConfig.defaults();
            }
            knownKeys(plugin, "plugin", Set.of("id", "label", "description"));
            String id = string(plugin, "plugin", "id").map(text -> {
                if (!PLUGIN_ID.matcher(text.text()).matches()) {
                    error(text.location(), "plugin.id", "'" + text.text() + "' is not a valid Scope plugin id "
                            + "(letters and digits, single dashes between them, e.g. scope-links)");
                }
                return text.text();
            }).orElse(PluginConfig.DEFAULT_ID);
            String label = string(plugin, "plugin", "label").map(text -> {
                if (text.text().isBlank()) {
                    error(text.location(), "plugin.label", "must not be empty: Scope rejects a plugin without a label");
                }
                return text.text();
            }).orElse(PluginConfig.DEFAULT_LABEL);
            String description = string(plugin, "plugin", "description").map(SourceText::text)
                    .orElse(PluginConfig.DEFAULT_DESCRIPTION);
            return new PluginConfig(id, label, description);
        }

        private Map<String, SourceText> vars(YamlNode.Mapping root) {
            Map<String, SourceText> vars = new LinkedHashMap<>();
            YamlNode.Entry entry = root.entries().get("vars");
            if (entry == null) {
                return vars;
            }
            YamlNode.Mapping mapping = mapping(entry.value(), "vars");
            if (mapping == null) {
                return vars;
            }
            for (YamlNode.Entry var : mapping.entries().values()) {
                String path = "vars." + var.key();
                if (!VAR_NAME.matcher(var.key()).matches()) {
                    error(var.keyLocation(), path, "a variable name starts with a letter and has only letters, "
                            + "digits and '_'");
                    continue;
                }
                scalarText(var.value(), path).ifPresent(text -> vars.put(var.key(), text));
            }
            return vars;
        }

        private Map<String, ProviderConfig> providers(YamlNode.Mapping root) {
            Map<String, ProviderConfig> providers = new LinkedHashMap<>();
            YamlNode.Entry entry = root.entries().get("providers");
            if (entry == null) {
                error(root.location(), "providers", "is required: name at least one provider (e.g. Deployment) "
                        + "and its links");
                return providers;
            }
            YamlNode.Mapping mapping = mapping(entry.value(), "providers");
            if (mapping == null) {
                return providers;
            }
            for (YamlNode.Entry provider : mapping.entries().values()) {
                String path = "providers." + provider.key();
                YamlNode.Mapping body = mapping(provider.value(), path);
                if (body == null) {
                    continue;
                }
                knownKeys(body, path, Set.of("links"));
                List<LinkConfig> links = links(body, path);
                providers.put(provider.key(), new ProviderConfig(provider.key(), provider.keyLocation(), links));
            }
            return providers;
        }

        private List<LinkConfig> links(YamlNode.Mapping provider, String providerPath) {
            List<LinkConfig> links = new ArrayList<>();
            YamlNode.Entry entry = provider.entries().get("links");
            String path = providerPath + ".links";
            if (entry == null) {
                error(provider.location(), path, "is required: list the links this provider's objects get");
                return links;
            }
            YamlNode.Sequence items = sequence(entry.value(), path);
            if (items == null) {
                return links;
            }
            if (items.items().size() > MAX_AUTO_LINKS) {
                error(items.location(), path, "at most " + MAX_AUTO_LINKS + " links per provider");
            }
            Map<String, Location> ids = new LinkedHashMap<>();
            Map<Double, String> priorities = new LinkedHashMap<>();
            for (int i = 0; i < items.items().size(); i++) {
                String itemPath = path + "[" + i + "]";
                YamlNode.Mapping link = mapping(items.items().get(i), itemPath);
                if (link == null) {
                    continue;
                }
                knownKeys(link, itemPath, Set.of("id", "label", "url", "priority", "description"));
                Optional<SourceText> id = requiredString(link, itemPath, "id");
                Optional<SourceText> label = requiredString(link, itemPath, "label");
                Optional<SourceText> url = requiredString(link, itemPath, "url");
                double priority = priority(link, itemPath, i);
                String description = string(link, itemPath, "description").map(SourceText::text).orElse("");
                id.ifPresent(text -> {
                    if (!LINK_ID.matcher(text.text()).matches()) {
                        error(text.location(), itemPath + ".id", "'" + text.text() + "' is not a valid link id "
                                + "(letters and digits, single '-' or '_' between them)");
                    } else if (ids.containsKey(text.text())) {
                        error(text.location(), itemPath + ".id", "duplicate link id '" + text.text()
                                + "' (first used at line " + ids.get(text.text()).line() + ")");
                    } else {
                        ids.put(text.text(), text.location());
                    }
                });
                label.ifPresent(text -> {
                    if (text.text().isBlank()) {
                        error(text.location(), itemPath + ".label", "must not be empty");
                    }
                });
                String previous = priorities.putIfAbsent(priority, itemPath);
                if (previous != null && !Double.isNaN(priority)) {
                    error(link.location(), itemPath + ".priority", "priority " + priority + " is also used by "
                            + previous + "; give each link its own so Scope keeps their order");
                }
                if (id.isPresent() && label.isPresent() && url.isPresent()) {
                    links.add(new LinkConfig(id.get().text(), label.get().text(), url.get(), priority, description,
                            link.location()));
                }
            }
            return links;
        }

        private double priority(YamlNode.Mapping link, String itemPath, int index) {
            YamlNode.Entry entry = link.entries().get("priority");
            double automatic = 1.0 + (index + 1) / 10.0;
            if (entry == null) {
                return Math.round(automatic * 10) / 10.0;
            }
            String path = itemPath + ".priority";
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

        private List<String> stringList(YamlNode.Mapping parent, String key) {
            YamlNode.Entry entry = parent.entries().get(key);
            if (entry == null) {
                return List.of();
            }
            YamlNode.Sequence items = sequence(entry.value(), key);
            if (items == null) {
                return List.of();
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < items.items().size(); i++) {
                scalarText(items.items().get(i), key + "[" + i + "]").ifPresent(text -> values.add(text.text()));
            }
            return values;
        }

        private Optional<SourceText> requiredString(YamlNode.Mapping parent, String parentPath, String key) {
            if (!parent.entries().containsKey(key)) {
                error(parent.location(), join(parentPath, key), "is required");
                return Optional.empty();
            }
            return string(parent, parentPath, key);
        }

        private Optional<SourceText> string(YamlNode.Mapping parent, String parentPath, String key) {
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
        private Optional<SourceText> scalarText(YamlNode node, String path) {
            if (node instanceof YamlNode.Scalar scalar && scalar.type() != YamlNode.ScalarType.NULL) {
                return Optional.of(new SourceText(expandEnvironment(scalar.value(), scalar.location(), path),
                        scalar.location()));
            }
            error(node.location(), path, "must be a string, not " + node.describe());
            return Optional.empty();
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

        private YamlNode.Mapping mapping(YamlNode node, String path) {
            if (node instanceof YamlNode.Mapping mapping) {
                return mapping;
            }
            error(node.location(), path, "must be a mapping (key: value lines), not " + node.describe());
            return null;
        }

        private YamlNode.Sequence sequence(YamlNode node, String path) {
            if (node instanceof YamlNode.Sequence sequence) {
                return sequence;
            }
            error(node.location(), path, "must be a list ('- ' items), not " + node.describe());
            return null;
        }

        private void knownKeys(YamlNode.Mapping mapping, String path, Set<String> known) {
            for (YamlNode.Entry entry : mapping.entries().values()) {
                if (!known.contains(entry.key())) {
                    error(entry.keyLocation(), join(path, entry.key()), "unknown key" + Hints.didYouMean(entry.key(), known)
                            + "; known keys here: " + String.join(", ", new TreeSet<>(known)));
                }
            }
        }

        private void error(Location location, String path, String message) {
            errors.add(new ConfigError(location, path, message));
        }
    }

    private static String join(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

}
