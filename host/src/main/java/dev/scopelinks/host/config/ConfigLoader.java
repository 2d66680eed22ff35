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
    private static final Pattern ANNOTATION_PREFIX = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

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
        String text;
        try {
            text = readAll(reader);
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigError(new Location(fileName, 1, 1), "", "cannot read: " + e)));
        }
        YamlNode root = new YamlReader(fileName, errors).read(new StringReader(text));
        if (root == null && errors.isEmpty()) {
            errors.add(new ConfigError(new Location(fileName, 1, 1), "", "the file is empty; it needs at least "
                    + "'apiVersion: " + ScopeLinksConfig.API_VERSION + "' and 'providers'"));
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        ScopeLinksConfig config = new Binder(fileName, text.split("\n", -1), errors).root(root);
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt((ConfigError e) -> e.location().line())
                    .thenComparingInt(e -> e.location().column()));
            throw new ConfigException(errors);
        }
        return config;
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        int read;
        while ((read = reader.read(buffer)) >= 0) {
            text.append(buffer, 0, read);
        }
        return text.toString();
    }

    /** Turns the located tree into records, recording every problem instead of stopping at the first. */
    private final class Binder {
        private final String fileName;
        private final String[] lines;
        private final List<ConfigError> errors;
        private final Presets presets = new Presets();

        Binder(String fileName, String[] lines, List<ConfigError> errors) {
            this.fileName = fileName;
            this.lines = lines;
            this.errors = errors;
        }

        ScopeLinksConfig root(YamlNode node) {
            YamlNode.Mapping root = mapping(node, "");
            if (root == null) {
                return null;
            }
            knownKeys(root, "", Set.of("apiVersion", "plugin", "socketDir", "cluster", "namespaces", "vars",
                    "providers", "annotationLinks"));
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
            List<String> namespaces = stringList(root, "", "namespaces");
            Map<String, SourceText> vars = vars(root);
            Map<String, ProviderConfig> providers = providers(root);
            AnnotationLinksConfig annotationLinks = annotationLinks(root);
            return new ScopeLinksConfig(fileName, plugin, socketDir, cluster, namespaces, vars, providers,
                    annotationLinks);
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
                knownKeys(body, path, Set.of("links", "settings"));
                List<LinkConfig> links = links(body, path, provider.key());
                providers.put(provider.key(), new ProviderConfig(provider.key(), provider.keyLocation(), links,
                        settings(body, path)));
            }
            return providers;
        }

        /** A provider's own {@code settings:}: scalar values by key, which the provider's declared keys check later. */
        private Map<String, SourceText> settings(YamlNode.Mapping provider, String providerPath) {
            Map<String, SourceText> settings = new LinkedHashMap<>();
            YamlNode.Entry entry = provider.entries().get("settings");
            YamlNode.Mapping mapping = entry == null ? null : mapping(entry.value(), providerPath + ".settings");
            if (mapping != null) {
                for (YamlNode.Entry setting : mapping.entries().values()) {
                    scalarText(setting.value(), providerPath + ".settings." + setting.key())
                            .ifPresent(text -> settings.put(setting.key(), text));
                }
            }
            return settings;
        }

        private List<LinkConfig> links(YamlNode.Mapping provider, String providerPath, String providerId) {
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
                knownKeys(link, itemPath, Set.of("id", "label", "url", "priority", "description", "when", "preset",
                        "params"));
                Optional<SourceText> id;
                Optional<SourceText> label;
                Optional<SourceText> url;
                if (link.entries().containsKey("preset")) {
                    Optional<LinkConfig> expanded = preset(link, itemPath, providerId);
                    id = string(link, itemPath, "id").or(() -> expanded.map(e -> new SourceText(e.id(), link.location())));
                    label = string(link, itemPath, "label")
                            .or(() -> expanded.map(e -> new SourceText(e.label(), link.location())));
                    url = expanded.map(LinkConfig::url);
                    if (link.entries().containsKey("url")) {
                        error(link.entries().get("url").keyLocation(), itemPath + ".url", "a preset makes the url; "
                                + "remove it, or remove 'preset' to write the url yourself");
                    }
                } else {
                    if (link.entries().containsKey("params")) {
                        error(link.entries().get("params").keyLocation(), itemPath + ".params", "only a preset "
                                + "takes params");
                    }
                    id = requiredString(link, itemPath, "id");
                    label = requiredString(link, itemPath, "label");
                    url = requiredString(link, itemPath, "url");
                }
                double priority = priority(link, itemPath, i);
                String description = string(link, itemPath, "description").map(SourceText::text).orElse("");
                LinkCondition when = condition(link, itemPath);
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
                            link.location(), when));
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

        private List<String> stringList(YamlNode.Mapping parent, String parentPath, String key) {
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

        /** Expands {@code preset:} into a link with the preset's id, label and URL template. */
        private Optional<LinkConfig> preset(YamlNode.Mapping link, String itemPath, String providerId) {
            Optional<SourceText> name = string(link, itemPath, "preset");
            if (name.isEmpty()) {
                return Optional.empty();
            }
            Optional<Preset> found = presets.find(name.get().text());
            if (found.isEmpty()) {
                error(name.get().location(), itemPath + ".preset", "unknown preset '" + name.get().text() + "'"
                        + Hints.didYouMean(name.get().text(), presets.all().keySet()) + "; presets: "
                        + String.join(", ", presets.all().keySet()));
                return Optional.empty();
            }
            Preset preset = found.get();
            var template = preset.templates().get(providerId);
            if (template == null) {
                error(name.get().location(), itemPath + ".preset", "preset '" + preset.name() + "' has no link for "
                        + providerId + "; it covers " + String.join(", ", new TreeSet<>(preset.kinds())));
                return Optional.empty();
            }
            Map<String, String> values = new LinkedHashMap<>();
            String paramsPath = itemPath + ".params";
            YamlNode.Entry paramsEntry = link.entries().get("params");
            YamlNode.Mapping params = paramsEntry == null ? null : mapping(paramsEntry.value(), paramsPath);
            Location paramsAt = params == null ? link.location() : params.location();
            if (params != null) {
                knownKeys(params, paramsPath, preset.parameters().stream().map(Preset.Parameter::name)
                        .collect(java.util.stream.Collectors.toSet()));
            }
            boolean valid = true;
            for (Preset.Parameter parameter : preset.parameters()) {
                String path = paramsPath + "." + parameter.name();
                Optional<SourceText> value = params == null ? Optional.empty()
                        : params.entries().containsKey(parameter.name())
                        ? scalarText(params.entries().get(parameter.name()).value(), path) : Optional.empty();
                if (value.isEmpty()) {
                    if (parameter.required()) {
                        error(paramsAt, path, "is required by preset '" + preset.name() + "': " + parameter.meaning());
                        valid = false;
                    }
                    values.put(parameter.name(), parameter.defaultValue());
                    continue;
                }
                String text = value.get().text();
                if (parameter.isUrl()) {
                    text = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
                    if (!text.matches("(?i)https?://[^/?#\\s{}]+(/[^?#\\s{}]*)?")) {
                        error(value.get().location(), path, "must be an absolute http(s) base URL without query "
                                + "or fragment, e.g. https://grafana.example.com");
                        valid = false;
                    }
                } else if (!text.matches("[A-Za-z0-9._:/-]*")) {
                    error(value.get().location(), path, "may only have letters, digits and . _ : / -");
                    valid = false;
                }
                values.put(parameter.name(), text);
            }
            if (!valid) {
                return Optional.empty();
            }
            String url = template.apply(providerId, values);
            return Optional.of(new LinkConfig(preset.id(), preset.label(), new SourceText(url, name.get().location()),
                    1, "", link.location()));
        }

        private LinkCondition condition(YamlNode.Mapping link, String itemPath) {
            YamlNode.Entry entry = link.entries().get("when");
            if (entry == null) {
                return LinkCondition.ALWAYS;
            }
            String path = itemPath + ".when";
            YamlNode.Mapping when = mapping(entry.value(), path);
            if (when == null) {
                return LinkCondition.ALWAYS;
            }
            knownKeys(when, path, Set.of("namespaces", "excludeNamespaces", "selector", "annotations", "phases"));
            List<NamespacePattern> namespaces = namespacePatterns(when, path, "namespaces");
            List<NamespacePattern> excluded = namespacePatterns(when, path, "excludeNamespaces");
            Optional<LabelSelector> selector = string(when, path, "selector").flatMap(text -> {
                try {
                    return Optional.of(LabelSelector.parse(text.text()));
                } catch (LabelSelector.SyntaxException e) {
                    error(at(text, e.offset()), path + ".selector", "invalid label selector: " + e.getMessage()
                            + "\n    " + text.text() + "\n    " + " ".repeat(e.offset()) + "^");
                    return Optional.empty();
                }
            });
            Map<String, Optional<String>> annotations = new LinkedHashMap<>();
            YamlNode.Entry annotationsEntry = when.entries().get("annotations");
            if (annotationsEntry != null) {
                YamlNode.Mapping mapping = mapping(annotationsEntry.value(), path + ".annotations");
                if (mapping != null) {
                    for (YamlNode.Entry annotation : mapping.entries().values()) {
                        // "key:" with no value (null or empty) asks only that the annotation is present.
                        if (annotation.value() instanceof YamlNode.Scalar scalar
                                && (scalar.type() == YamlNode.ScalarType.NULL || scalar.value().isEmpty())) {
                            annotations.put(annotation.key(), Optional.empty());
                        } else {
                            scalarText(annotation.value(), path + ".annotations." + annotation.key())
                                    .ifPresent(text -> annotations.put(annotation.key(), Optional.of(text.text())));
                        }
                    }
                }
            }
            java.util.Set<String> phases = new java.util.LinkedHashSet<>();
            YamlNode.Entry phasesEntry = when.entries().get("phases");
            if (phasesEntry != null) {
                YamlNode.Sequence items = sequence(phasesEntry.value(), path + ".phases");
                for (int i = 0; items != null && i < items.items().size(); i++) {
                    String phasePath = path + ".phases[" + i + "]";
                    scalarText(items.items().get(i), phasePath).ifPresent(text -> {
                        if (LinkCondition.POD_PHASES.contains(text.text())) {
                            phases.add(text.text());
                        } else {
                            error(text.location(), phasePath, "'" + text.text() + "' is not a Pod phase"
                                    + Hints.didYouMean(text.text(), LinkCondition.POD_PHASES) + "; phases: "
                                    + String.join(", ", new TreeSet<>(LinkCondition.POD_PHASES)));
                        }
                    });
                }
            }
            return new LinkCondition(namespaces, excluded, selector, annotations, phases);
        }

        private List<NamespacePattern> namespacePatterns(YamlNode.Mapping parent, String parentPath, String key) {
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

        private AnnotationLinksConfig annotationLinks(YamlNode.Mapping root) {
            YamlNode.Entry entry = root.entries().get("annotationLinks");
            if (entry == null) {
                return AnnotationLinksConfig.NONE;
            }
            String path = "annotationLinks";
            YamlNode.Mapping mapping = mapping(entry.value(), path);
            if (mapping == null) {
                return AnnotationLinksConfig.NONE;
            }
            knownKeys(mapping, path, Set.of("prefix", "maxLength", "slots"));
            String prefix = string(mapping, path, "prefix").map(text -> {
                if (!ANNOTATION_PREFIX.matcher(text.text()).matches()) {
                    error(text.location(), path + ".prefix", "'" + text.text() + "' is not a valid annotation prefix "
                            + "(a DNS subdomain such as links.example.com, without '/')");
                }
                return text.text();
            }).orElse(AnnotationLinksConfig.DEFAULT_PREFIX);
            int maxLength = AnnotationLinksConfig.DEFAULT_MAX_LENGTH;
            YamlNode.Entry lengthEntry = mapping.entries().get("maxLength");
            if (lengthEntry != null) {
                if (lengthEntry.value() instanceof YamlNode.Scalar scalar && scalar.type() == YamlNode.ScalarType.INTEGER
                        && Integer.parseInt(scalar.value()) >= 16
                        && Integer.parseInt(scalar.value()) <= dev.scopelinks.host.render.UrlCheck.MAX_LENGTH) {
                    maxLength = Integer.parseInt(scalar.value());
                } else {
                    error(lengthEntry.value().location(), path + ".maxLength", "must be a whole number from 16 to "
                            + dev.scopelinks.host.render.UrlCheck.MAX_LENGTH);
                }
            }
            List<AnnotationSlot> slots = new ArrayList<>();
            YamlNode.Entry slotsEntry = mapping.entries().get("slots");
            YamlNode.Sequence items = slotsEntry == null ? null : sequence(slotsEntry.value(), path + ".slots");
            Map<String, Location> ids = new LinkedHashMap<>();
            for (int i = 0; items != null && i < items.items().size(); i++) {
                String slotPath = path + ".slots[" + i + "]";
                YamlNode.Mapping slot = mapping(items.items().get(i), slotPath);
                if (slot == null) {
                    continue;
                }
                knownKeys(slot, slotPath, Set.of("id", "label", "priority", "kinds", "namespaces"));
                Optional<SourceText> id = requiredString(slot, slotPath, "id");
                Optional<SourceText> label = requiredString(slot, slotPath, "label");
                if (!slot.entries().containsKey("priority")) {
                    error(slot.location(), slotPath + ".priority", "is required: the row's position in Scope, in "
                            + "(0, 10), distinct from the links of the same kinds");
                }
                double priority = priority(slot, slotPath, 0);
                if (!slot.entries().containsKey("kinds")) {
                    error(slot.location(), slotPath + ".kinds", "is required: list the providers (e.g. Deployment) "
                            + "whose objects may fill this slot");
                }
                List<String> kinds = stringList(slot, slotPath, "kinds");
                List<NamespacePattern> namespaces = namespacePatterns(slot, slotPath, "namespaces");
                id.ifPresent(text -> {
                    if (!LINK_ID.matcher(text.text()).matches()) {
                        error(text.location(), slotPath + ".id", "'" + text.text() + "' is not a valid slot id "
                                + "(letters and digits, single '-' or '_' between them)");
                    } else if (ids.putIfAbsent(text.text(), text.location()) != null) {
                        error(text.location(), slotPath + ".id", "duplicate slot id '" + text.text() + "'");
                    }
                });
                label.ifPresent(text -> {
                    if (text.text().isBlank()) {
                        error(text.location(), slotPath + ".label", "must not be empty");
                    }
                });
                if (id.isPresent() && label.isPresent()) {
                    slots.add(new AnnotationSlot(id.get().text(), label.get().text(), priority, kinds, namespaces,
                            slot.location()));
                }
            }
            return new AnnotationLinksConfig(prefix, maxLength, slots);
        }

        /** The location of character {@code offset} of a string value, past an opening quote. */
        private Location at(SourceText text, int offset) {
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
