package dev.scopelinks.host.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole, structurally valid config file. Templates are checked against the providers' variables
 * later, when the providers are known.
 *
 * @param source     the file name, for messages
 * @param plugin     how the plugin presents itself to Scope
 * @param socketDir  the plugin root from the file, if set (the CLI's {@code --socket-dir} wins)
 * @param cluster    the cluster's name, offered to templates as {@code cluster}
 * @param namespaces the namespaces to watch; empty means all
 * @param vars       operator constants offered to templates, e.g. base URLs
 * @param providers  provider id to its links, in the order written
 * @param annotationLinks link slots app teams fill through annotations
 */
public record ScopeLinksConfig(String source, PluginConfig plugin, Optional<String> socketDir, String cluster,
                               List<String> namespaces, Map<String, SourceText> vars,
                               Map<String, ProviderConfig> providers, AnnotationLinksConfig annotationLinks) {

    /** The only format version this build reads. */
    public static final String API_VERSION = "scope-links/v1";

    public ScopeLinksConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(socketDir, "socketDir");
        Objects.requireNonNull(cluster, "cluster");
        namespaces = List.copyOf(namespaces);
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        providers = Collections.unmodifiableMap(new LinkedHashMap<>(providers));
        Objects.requireNonNull(annotationLinks, "annotationLinks");
    }

    /** A config without annotation links. */
    public ScopeLinksConfig(String source, PluginConfig plugin, Optional<String> socketDir, String cluster,
                            List<String> namespaces, Map<String, SourceText> vars,
                            Map<String, ProviderConfig> providers) {
        this(source, plugin, socketDir, cluster, namespaces, vars, providers, AnnotationLinksConfig.NONE);
    }
}
