package dev.scopelinks.host.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads and structurally checks a config file: YAML syntax, known keys, types, required values,
 * ids and priorities. Every problem is collected, so one run shows the operator all of them.
 *
 * <p>Each top-level section has its own binder ({@link PluginSection}, {@link VarsSection},
 * {@link ProvidersSection} with {@link LinksSection}, {@link PresetSection} and
 * {@link ConditionSection}, {@link AnnotationLinksSection}); they share {@link YamlBinder}'s typed,
 * located reads.
 */
public final class ConfigLoader {

    /** Scope's own rule for plugin ids (socket names). */
    public static final Pattern PLUGIN_ID = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");
    /** Link ids become part of Scope's row keys; keep them to a safe alphabet. */
    public static final Pattern LINK_ID = Pattern.compile("[A-Za-z0-9]+([-_][A-Za-z0-9]+)*");
    private static final Set<String> ROOT_KEYS = Set.of("apiVersion", "plugin", "socketDir", "cluster", "namespaces",
            "vars", "providers", "annotationLinks");

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
        ScopeLinksConfig config = bind(fileName, root, new YamlBinder(text.split("\n", -1), errors, environment));
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt((ConfigError e) -> e.location().line())
                    .thenComparingInt(e -> e.location().column()));
            throw new ConfigException(errors);
        }
        return config;
    }

    /** The whole file: the top-level keys here, each section by its own binder. */
    private static ScopeLinksConfig bind(String fileName, YamlNode node, YamlBinder yaml) {
        YamlNode.Mapping root = yaml.mapping(node, "");
        if (root == null) {
            return null;
        }
        yaml.knownKeys(root, "", ROOT_KEYS);
        Optional<SourceText> apiVersion = yaml.string(root, "", "apiVersion");
        if (apiVersion.isEmpty()) {
            yaml.error(root.location(), "", "'apiVersion: " + ScopeLinksConfig.API_VERSION
                    + "' is required so the format can evolve");
        } else if (!ScopeLinksConfig.API_VERSION.equals(apiVersion.get().text())) {
            yaml.error(apiVersion.get().location(), "apiVersion", "unsupported version '" + apiVersion.get().text()
                    + "'; this build reads " + ScopeLinksConfig.API_VERSION);
        }
        PluginConfig plugin = new PluginSection(yaml).bind(root);
        Optional<String> socketDir = yaml.string(root, "", "socketDir").map(SourceText::text);
        String cluster = yaml.string(root, "", "cluster").map(SourceText::text).orElse("");
        List<String> namespaces = yaml.stringList(root, "", "namespaces");
        Map<String, SourceText> vars = new VarsSection(yaml).bind(root);
        LinksSection links = new LinksSection(yaml, new PresetSection(yaml, new Presets()), new ConditionSection(yaml));
        Map<String, ProviderConfig> providers = new ProvidersSection(yaml, links).bind(root);
        AnnotationLinksConfig annotationLinks = new AnnotationLinksSection(yaml).bind(root);
        return new ScopeLinksConfig(fileName, plugin, socketDir, cluster, namespaces, vars, providers,
                annotationLinks);
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
}
