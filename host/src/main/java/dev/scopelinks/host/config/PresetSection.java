package dev.scopelinks.host.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Expands a link's {@code preset:} and {@code params:} into the preset's id, label and URL template. */
final class PresetSection {

    private final YamlBinder yaml;
    private final Presets presets;

    PresetSection(YamlBinder yaml, Presets presets) {
        this.yaml = Objects.requireNonNull(yaml, "yaml");
        this.presets = Objects.requireNonNull(presets, "presets");
    }

    /** The link the preset makes for {@code providerId}, or empty when it cannot (already recorded). */
    Optional<LinkConfig> expand(YamlNode.Mapping link, String itemPath, String providerId) {
        Optional<SourceText> name = yaml.string(link, itemPath, "preset");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<Preset> found = presets.find(name.get().text());
        if (found.isEmpty()) {
            yaml.error(name.get().location(), itemPath + ".preset", "unknown preset '" + name.get().text() + "'"
                    + Hints.didYouMean(name.get().text(), presets.all().keySet()) + "; presets: "
                    + String.join(", ", presets.all().keySet()));
            return Optional.empty();
        }
        Preset preset = found.get();
        var template = preset.templates().get(providerId);
        if (template == null) {
            yaml.error(name.get().location(), itemPath + ".preset", "preset '" + preset.name() + "' has no link for "
                    + providerId + "; it covers " + String.join(", ", new TreeSet<>(preset.kinds())));
            return Optional.empty();
        }
        Optional<Map<String, String>> values = parameters(link, itemPath, preset);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String url = template.apply(providerId, values.get());
        return Optional.of(new LinkConfig(preset.id(), preset.label(), new SourceText(url, name.get().location()),
                1, "", link.location()));
    }

    /** Every parameter's value, written or defaulted; empty when one is missing or invalid (recorded). */
    private Optional<Map<String, String>> parameters(YamlNode.Mapping link, String itemPath, Preset preset) {
        Map<String, String> values = new LinkedHashMap<>();
        String paramsPath = itemPath + ".params";
        YamlNode.Mapping params = yaml.mapping(link, itemPath, "params");
        Location paramsAt = params == null ? link.location() : params.location();
        if (params != null) {
            yaml.knownKeys(params, paramsPath, preset.parameters().stream().map(Preset.Parameter::name)
                    .collect(Collectors.toSet()));
        }
        boolean valid = true;
        for (Preset.Parameter parameter : preset.parameters()) {
            String path = paramsPath + "." + parameter.name();
            Optional<SourceText> value = params == null || !params.entries().containsKey(parameter.name())
                    ? Optional.empty() : yaml.scalarText(params.entries().get(parameter.name()).value(), path);
            if (value.isEmpty()) {
                if (parameter.required()) {
                    yaml.error(paramsAt, path, "is required by preset '" + preset.name() + "': " + parameter.meaning());
                    valid = false;
                }
                values.put(parameter.name(), parameter.defaultValue());
                continue;
            }
            String text = value.get().text();
            if (parameter.isUrl()) {
                text = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
                if (!text.matches("(?i)https?://[^/?#\\s{}]+(/[^?#\\s{}]*)?")) {
                    yaml.error(value.get().location(), path, "must be an absolute http(s) base URL without query "
                            + "or fragment, e.g. https://grafana.example.com");
                    valid = false;
                }
            } else if (!text.matches("[A-Za-z0-9._:/-]*")) {
                yaml.error(value.get().location(), path, "may only have letters, digits and . _ : / -");
                valid = false;
            }
            values.put(parameter.name(), text);
        }
        return valid ? Optional.of(values) : Optional.empty();
    }
}
