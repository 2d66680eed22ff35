package dev.scopelinks.host.plan;

import dev.scopelinks.host.config.AnnotationLinksConfig;
import dev.scopelinks.host.config.AnnotationSlot;
import dev.scopelinks.host.config.ConfigError;
import dev.scopelinks.host.config.ConfigException;
import dev.scopelinks.host.config.Hints;
import dev.scopelinks.host.config.LinkConfig;
import dev.scopelinks.host.config.Location;
import dev.scopelinks.host.config.ProviderConfig;
import dev.scopelinks.host.config.ScopeLinksConfig;
import dev.scopelinks.host.config.SourceText;
import dev.scopelinks.host.plugin.LoadedProvider;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.spi.ProviderSettings;
import dev.scopelinks.host.template.EncodingHelper;
import dev.scopelinks.host.template.TemplateCompiler;
import dev.scopelinks.host.template.TemplateException;
import dev.scopelinks.host.template.TemplateVariables;
import dev.scopelinks.host.template.UrlTemplate;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.Variable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a config against the installed providers and compiles its templates, collecting every
 * error with the line and column the operator must fix.
 */
public final class LinkPlanner {

    /** The config-level variable holding the cluster's name. */
    public static final String CLUSTER_VARIABLE = "cluster";

    /** The provider's {@code settings:}, each key checked against those the provider reads. */
    private static ProviderSettings settings(LoadedProvider provider, ProviderConfig providerConfig, String path,
                                             List<ConfigError> errors) {
        Set<String> accepted = Objects.requireNonNullElse(provider.factory().settingKeys(), Set.of());
        ProviderSettings.Builder settings = ProviderSettings.builder();
        providerConfig.settings().forEach((key, value) -> {
            if (accepted.contains(key)) {
                settings.put(key, value.text(), value.location().toString());
            } else {
                errors.add(new ConfigError(value.location(), path + ".settings." + key, provider.id()
                        + (accepted.isEmpty() ? " takes no settings" : " has no setting '" + key + "'"
                        + Hints.didYouMean(key, accepted) + "; it takes " + String.join(", ", new TreeSet<>(accepted)))));
            }
        });
        return settings.build();
    }

    private final TemplateCompiler compiler = new TemplateCompiler();

    public LinkPlan plan(ScopeLinksConfig config, ProviderCatalog catalog) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>();
        Map<String, String> configValues = configValues(config);
        Map<ScopeTopology, String> topologies = new EnumMap<>(ScopeTopology.class);
        List<ProviderPlan> plans = new ArrayList<>();
        for (ProviderConfig providerConfig : config.providers().values()) {
            String path = "providers." + providerConfig.providerId();
            LoadedProvider provider = catalog.find(providerConfig.providerId()).orElse(null);
            if (provider == null) {
                errors.add(new ConfigError(providerConfig.location(), path, "no installed provider has this id"
                        + Hints.didYouMean(providerConfig.providerId(), catalog.providers().keySet())
                        + "; installed: " + String.join(", ", catalog.providers().keySet())));
                continue;
            }
            ScopeTopology topology = provider.factory().topology();
            String other = topologies.putIfAbsent(topology, provider.id());
            if (other != null) {
                errors.add(new ConfigError(providerConfig.location(), path, "feeds Scope's " + topology.reportKey()
                        + " topology, as '" + other + "' does; configure only one of them"));
                continue;
            }
            List<Variable> variables = provider.factory().variables();
            boolean pods = "Pod".equals(provider.factory().watches().kind());
            for (int i = 0; i < providerConfig.links().size(); i++) {
                LinkConfig link = providerConfig.links().get(i);
                if (!pods && !link.when().phases().isEmpty()) {
                    errors.add(new ConfigError(link.location(), path + ".links[" + i + "].when.phases", "phases "
                            + "apply to Pods only; " + provider.id() + " watches " + provider.factory().watches().kind()));
                }
            }
            for (Map.Entry<String, SourceText> var : config.vars().entrySet()) {
                if (variables.stream().anyMatch(v -> v.matches(var.getKey()))) {
                    errors.add(new ConfigError(var.getValue().location(), "vars." + var.getKey(), "clashes with the "
                            + provider.id() + " variable of the same name; rename it"));
                }
            }
            TemplateVariables scope = new TemplateVariables(configValues, variables);
            List<CompiledLink> links = new ArrayList<>();
            for (int i = 0; i < providerConfig.links().size(); i++) {
                LinkConfig link = providerConfig.links().get(i);
                SourceText url = link.url();
                try {
                    UrlTemplate template = compiler.compile(url.text(), scope);
                    links.add(new CompiledLink(config.plugin().id() + "-" + link.id(), link, template));
                } catch (TemplateException e) {
                    errors.add(templateError(url, path + ".links[" + i + "].url", e));
                }
            }
            plans.add(new ProviderPlan(provider, links, annotationPlan(config, providerConfig, errors),
                    settings(provider, providerConfig, path, errors)));
        }
        for (String name : config.vars().keySet()) {
            if (EncodingHelper.forSection(name).isPresent()) {
                errors.add(new ConfigError(config.vars().get(name).location(), "vars." + name, "'" + name
                        + "' is the name of an encoding helper; rename the variable"));
            }
        }
        for (AnnotationSlot slot : config.annotationLinks().slots()) {
            for (String kind : slot.kinds()) {
                if (!config.providers().containsKey(kind)) {
                    errors.add(new ConfigError(slot.location(), "annotationLinks.slots." + slot.id() + ".kinds",
                            "'" + kind + "' is not configured under providers" + Hints.didYouMean(kind,
                                    config.providers().keySet()) + "; configured: "
                            + String.join(", ", config.providers().keySet())));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new LinkPlan(config, plans);
    }

    /** The slots one provider's objects may fill; a slot may not reuse a link's id or priority. */
    private static AnnotationPlan annotationPlan(ScopeLinksConfig config, ProviderConfig provider,
                                                 List<ConfigError> errors) {
        AnnotationLinksConfig annotations = config.annotationLinks();
        List<AnnotationPlan.Row> rows = new ArrayList<>();
        for (AnnotationSlot slot : annotations.slotsFor(provider.providerId())) {
            for (LinkConfig link : provider.links()) {
                if (link.id().equals(slot.id())) {
                    errors.add(new ConfigError(slot.location(), "annotationLinks.slots." + slot.id() + ".id",
                            "link id '" + slot.id() + "' of " + provider.providerId() + " (line "
                                    + link.location().line() + ") has the same id; rename one"));
                }
                if (link.priority() == slot.priority()) {
                    errors.add(new ConfigError(slot.location(), "annotationLinks.slots." + slot.id() + ".priority",
                            "priority " + slot.priority() + " is also used by " + provider.providerId() + " link '"
                                    + link.id() + "'; give each row its own so Scope keeps their order"));
                }
            }
            for (AnnotationPlan.Row earlier : rows) {
                if (earlier.slot().priority() == slot.priority()) {
                    errors.add(new ConfigError(slot.location(), "annotationLinks.slots." + slot.id() + ".priority",
                            "priority " + slot.priority() + " is also used by slot '" + earlier.slot().id() + "' for "
                                    + provider.providerId() + "; give each row its own so Scope keeps their order"));
                }
            }
            rows.add(new AnnotationPlan.Row(config.plugin().id() + "-" + slot.id(), slot));
        }
        return rows.isEmpty() ? AnnotationPlan.NONE
                : new AnnotationPlan(annotations.prefix(), annotations.maxLength(), rows);
    }

    private static Map<String, String> configValues(ScopeLinksConfig config) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(CLUSTER_VARIABLE, config.cluster());
        config.vars().forEach((name, text) -> values.put(name, text.text()));
        return values;
    }

    private static ConfigError templateError(SourceText url, String path, TemplateException e) {
        String text = url.text();
        int offset = Math.min(Math.max(0, e.offset()), text.length());
        Location at = url.location();
        String excerpt = "\n    " + text.replace('\n', ' ') + "\n    " + " ".repeat(offset) + "^";
        return new ConfigError(at, path, e.getMessage() + " (at character " + (offset + 1) + " of the template)"
                + excerpt);
    }
}
