package dev.scopelinks.host.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Binds one provider's {@code links:} list: each link written out ({@code id}, {@code label},
 * {@code url}) or made by a {@code preset}, with distinct ids and priorities.
 */
final class LinksSection {

    /**
     * Links without a {@code priority} get 1.1, 1.2, … in steps of 0.1, in the order written. The
     * 89th gets 9.9; a 90th would get 10.0, where Scope hides rows behind "show more", so a provider
     * has at most 89 links. The limit holds when priorities are written too, so writing or removing
     * one priority never turns a valid list invalid.
     */
    static final int MAX_LINKS = 89;
    private static final Set<String> KEYS = Set.of("id", "label", "url", "priority", "description", "when", "preset",
            "params");

    private final YamlBinder yaml;
    private final PresetSection presets;
    private final ConditionSection conditions;

    LinksSection(YamlBinder yaml, PresetSection presets, ConditionSection conditions) {
        this.yaml = Objects.requireNonNull(yaml, "yaml");
        this.presets = Objects.requireNonNull(presets, "presets");
        this.conditions = Objects.requireNonNull(conditions, "conditions");
    }

    /** The priority a row at {@code index} gets when none is written: 1.1, 1.2, … */
    static double automaticPriority(int index) {
        return Math.round((1.0 + (index + 1) / 10.0) * 10) / 10.0;
    }

    List<LinkConfig> bind(YamlNode.Mapping provider, String providerPath, String providerId) {
        List<LinkConfig> links = new ArrayList<>();
        YamlNode.Entry entry = provider.entries().get("links");
        String path = providerPath + ".links";
        if (entry == null) {
            yaml.error(provider.location(), path, "is required: list the links this provider's objects get");
            return links;
        }
        YamlNode.Sequence items = yaml.sequence(entry.value(), path);
        if (items == null) {
            return links;
        }
        if (items.items().size() > MAX_LINKS) {
            yaml.error(items.location(), path, "at most " + MAX_LINKS + " links per provider");
        }
        Map<String, Location> ids = new LinkedHashMap<>();
        Map<Double, String> priorities = new LinkedHashMap<>();
        for (int i = 0; i < items.items().size(); i++) {
            String itemPath = path + "[" + i + "]";
            YamlNode.Mapping link = yaml.mapping(items.items().get(i), itemPath);
            if (link != null) {
                link(link, itemPath, i, providerId, ids, priorities).ifPresent(links::add);
            }
        }
        return links;
    }

    private Optional<LinkConfig> link(YamlNode.Mapping link, String itemPath, int index, String providerId,
                                      Map<String, Location> ids, Map<Double, String> priorities) {
        yaml.knownKeys(link, itemPath, KEYS);
        Optional<SourceText> id;
        Optional<SourceText> label;
        Optional<SourceText> url;
        if (link.entries().containsKey("preset")) {
            Optional<LinkConfig> expanded = presets.expand(link, itemPath, providerId);
            id = yaml.string(link, itemPath, "id").or(() -> expanded.map(e -> new SourceText(e.id(), link.location())));
            label = yaml.string(link, itemPath, "label")
                    .or(() -> expanded.map(e -> new SourceText(e.label(), link.location())));
            url = expanded.map(LinkConfig::url);
            if (link.entries().containsKey("url")) {
                yaml.error(link.entries().get("url").keyLocation(), itemPath + ".url", "a preset makes the url; "
                        + "remove it, or remove 'preset' to write the url yourself");
            }
        } else {
            if (link.entries().containsKey("params")) {
                yaml.error(link.entries().get("params").keyLocation(), itemPath + ".params", "only a preset "
                        + "takes params");
            }
            id = yaml.requiredString(link, itemPath, "id");
            label = yaml.requiredString(link, itemPath, "label");
            url = yaml.requiredString(link, itemPath, "url");
        }
        double priority = yaml.priority(link, itemPath, index);
        String description = yaml.string(link, itemPath, "description").map(SourceText::text).orElse("");
        LinkCondition when = conditions.bind(link, itemPath);
        id.ifPresent(text -> {
            if (!ConfigLoader.LINK_ID.matcher(text.text()).matches()) {
                yaml.error(text.location(), itemPath + ".id", "'" + text.text() + "' is not a valid link id "
                        + "(letters and digits, single '-' or '_' between them)");
            } else if (ids.containsKey(text.text())) {
                yaml.error(text.location(), itemPath + ".id", "duplicate link id '" + text.text()
                        + "' (first used at line " + ids.get(text.text()).line() + ")");
            } else {
                ids.put(text.text(), text.location());
            }
        });
        label.ifPresent(text -> {
            if (text.text().isBlank()) {
                yaml.error(text.location(), itemPath + ".label", "must not be empty");
            }
        });
        String previous = priorities.putIfAbsent(priority, itemPath);
        if (previous != null && !Double.isNaN(priority)) {
            yaml.error(link.location(), itemPath + ".priority", "priority " + priority + " is also used by "
                    + previous + "; give each link its own so Scope keeps their order");
        }
        if (id.isEmpty() || label.isEmpty() || url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LinkConfig(id.get().text(), label.get().text(), url.get(), priority, description,
                link.location(), when));
    }
}
