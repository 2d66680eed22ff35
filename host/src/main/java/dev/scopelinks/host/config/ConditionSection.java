package dev.scopelinks.host.config;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Binds a link's {@code when:}, which objects get the link; no {@code when:} means every object. */
final class ConditionSection {

    private static final Set<String> KEYS = Set.of("namespaces", "excludeNamespaces", "selector", "annotations",
            "phases");

    private final YamlBinder yaml;

    ConditionSection(YamlBinder yaml) {
        this.yaml = Objects.requireNonNull(yaml, "yaml");
    }

    LinkCondition bind(YamlNode.Mapping link, String itemPath) {
        String path = itemPath + ".when";
        YamlNode.Mapping when = yaml.mapping(link, itemPath, "when");
        if (when == null) {
            return LinkCondition.ALWAYS;
        }
        yaml.knownKeys(when, path, KEYS);
        List<NamespacePattern> namespaces = yaml.namespacePatterns(when, path, "namespaces");
        List<NamespacePattern> excluded = yaml.namespacePatterns(when, path, "excludeNamespaces");
        Optional<LabelSelector> selector = yaml.string(when, path, "selector").flatMap(text -> {
            try {
                return Optional.of(LabelSelector.parse(text.text()));
            } catch (LabelSelector.SyntaxException e) {
                yaml.error(yaml.at(text, e.offset()), path + ".selector", "invalid label selector: " + e.getMessage()
                        + "\n    " + text.text() + "\n    " + " ".repeat(e.offset()) + "^");
                return Optional.empty();
            }
        });
        return new LinkCondition(namespaces, excluded, selector, annotations(when, path), phases(when, path));
    }

    private Map<String, Optional<String>> annotations(YamlNode.Mapping when, String path) {
        Map<String, Optional<String>> annotations = new LinkedHashMap<>();
        YamlNode.Mapping mapping = yaml.mapping(when, path, "annotations");
        if (mapping == null) {
            return annotations;
        }
        for (YamlNode.Entry annotation : mapping.entries().values()) {
            // "key:" with no value (null or empty) asks only that the annotation is present.
            if (annotation.value() instanceof YamlNode.Scalar scalar
                    && (scalar.type() == YamlNode.ScalarType.NULL || scalar.value().isEmpty())) {
                annotations.put(annotation.key(), Optional.empty());
            } else {
                yaml.scalarText(annotation.value(), path + ".annotations." + annotation.key())
                        .ifPresent(text -> annotations.put(annotation.key(), Optional.of(text.text())));
            }
        }
        return annotations;
    }

    private Set<String> phases(YamlNode.Mapping when, String path) {
        Set<String> phases = new LinkedHashSet<>();
        YamlNode.Entry entry = when.entries().get("phases");
        if (entry == null) {
            return phases;
        }
        YamlNode.Sequence items = yaml.sequence(entry.value(), path + ".phases");
        for (int i = 0; items != null && i < items.items().size(); i++) {
            String phasePath = path + ".phases[" + i + "]";
            yaml.scalarText(items.items().get(i), phasePath).ifPresent(text -> {
                if (LinkCondition.POD_PHASES.contains(text.text())) {
                    phases.add(text.text());
                } else {
                    yaml.error(text.location(), phasePath, "'" + text.text() + "' is not a Pod phase"
                            + Hints.didYouMean(text.text(), LinkCondition.POD_PHASES) + "; phases: "
                            + String.join(", ", new TreeSet<>(LinkCondition.POD_PHASES)));
                }
            });
        }
        return phases;
    }
}
