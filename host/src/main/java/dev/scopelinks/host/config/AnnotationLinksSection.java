package dev.scopelinks.host.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Binds {@code annotationLinks:}, the link slots app teams fill through their objects' annotations. */
final class AnnotationLinksSection {

    private static final String PATH = "annotationLinks";
    private static final Set<String> KEYS = Set.of("prefix", "maxLength", "slots");
    private static final Set<String> SLOT_KEYS = Set.of("id", "label", "priority", "kinds", "namespaces");
    /** The shortest {@code maxLength} worth configuring: below it hardly any tool's URL fits. */
    private static final int SHORTEST_MAX_LENGTH = 16;
    private static final Pattern PREFIX = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private final YamlBinder yaml;

    AnnotationLinksSection(YamlBinder yaml) {
        this.yaml = Objects.requireNonNull(yaml, "yaml");
    }

    AnnotationLinksConfig bind(YamlNode.Mapping root) {
        YamlNode.Mapping mapping = yaml.mapping(root, "", PATH);
        if (mapping == null) {
            return AnnotationLinksConfig.NONE;
        }
        yaml.knownKeys(mapping, PATH, KEYS);
        String prefix = yaml.string(mapping, PATH, "prefix").map(text -> {
            if (!PREFIX.matcher(text.text()).matches()) {
                yaml.error(text.location(), PATH + ".prefix", "'" + text.text() + "' is not a valid annotation prefix "
                        + "(a DNS subdomain such as links.example.com, without '/')");
            }
            return text.text();
        }).orElse(AnnotationLinksConfig.DEFAULT_PREFIX);
        return new AnnotationLinksConfig(prefix, maxLength(mapping), slots(mapping));
    }

    private int maxLength(YamlNode.Mapping mapping) {
        YamlNode.Entry entry = mapping.entries().get("maxLength");
        if (entry == null) {
            return AnnotationLinksConfig.DEFAULT_MAX_LENGTH;
        }
        if (entry.value() instanceof YamlNode.Scalar scalar && scalar.type() == YamlNode.ScalarType.INTEGER
                && Integer.parseInt(scalar.value()) >= SHORTEST_MAX_LENGTH
                && Integer.parseInt(scalar.value()) <= AnnotationLinksConfig.LONGEST_MAX_LENGTH) {
            return Integer.parseInt(scalar.value());
        }
        yaml.error(entry.value().location(), PATH + ".maxLength", "must be a whole number from "
                + SHORTEST_MAX_LENGTH + " to " + AnnotationLinksConfig.LONGEST_MAX_LENGTH);
        return AnnotationLinksConfig.DEFAULT_MAX_LENGTH;
    }

    private List<AnnotationSlot> slots(YamlNode.Mapping mapping) {
        List<AnnotationSlot> slots = new ArrayList<>();
        YamlNode.Entry entry = mapping.entries().get("slots");
        YamlNode.Sequence items = entry == null ? null : yaml.sequence(entry.value(), PATH + ".slots");
        Map<String, Location> ids = new LinkedHashMap<>();
        for (int i = 0; items != null && i < items.items().size(); i++) {
            String slotPath = PATH + ".slots[" + i + "]";
            YamlNode.Mapping slot = yaml.mapping(items.items().get(i), slotPath);
            if (slot != null) {
                AnnotationSlot bound = slot(slot, slotPath, ids);
                if (bound != null) {
                    slots.add(bound);
                }
            }
        }
        return slots;
    }

    /** One slot, or null when its id or label is missing (already recorded). */
    private AnnotationSlot slot(YamlNode.Mapping slot, String slotPath, Map<String, Location> ids) {
        yaml.knownKeys(slot, slotPath, SLOT_KEYS);
        var id = yaml.requiredString(slot, slotPath, "id");
        var label = yaml.requiredString(slot, slotPath, "label");
        if (!slot.entries().containsKey("priority")) {
            yaml.error(slot.location(), slotPath + ".priority", "is required: the row's position in Scope, in "
                    + "(0, 10), distinct from the links of the same kinds");
        }
        double priority = yaml.priority(slot, slotPath, 0);
        if (!slot.entries().containsKey("kinds")) {
            yaml.error(slot.location(), slotPath + ".kinds", "is required: list the providers (e.g. Deployment) "
                    + "whose objects may fill this slot");
        }
        List<String> kinds = yaml.stringList(slot, slotPath, "kinds");
        List<NamespacePattern> namespaces = yaml.namespacePatterns(slot, slotPath, "namespaces");
        id.ifPresent(text -> {
            if (!ConfigLoader.LINK_ID.matcher(text.text()).matches()) {
                yaml.error(text.location(), slotPath + ".id", "'" + text.text() + "' is not a valid slot id "
                        + "(letters and digits, single '-' or '_' between them)");
            } else if (ids.putIfAbsent(text.text(), text.location()) != null) {
                yaml.error(text.location(), slotPath + ".id", "duplicate slot id '" + text.text() + "'");
            }
        });
        label.ifPresent(text -> {
            if (text.text().isBlank()) {
                yaml.error(text.location(), slotPath + ".label", "must not be empty");
            }
        });
        if (id.isEmpty() || label.isEmpty()) {
            return null;
        }
        return new AnnotationSlot(id.get().text(), label.get().text(), priority, kinds, namespaces, slot.location());
    }
}
