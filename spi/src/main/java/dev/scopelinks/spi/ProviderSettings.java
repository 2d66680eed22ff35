package dev.scopelinks.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A provider's own settings, as the operator wrote them under {@code settings:} for its id: a
 * narrow, immutable view of the config that shows this provider nothing but its own keys. Values
 * are strings as written; the typed getters turn a value that does not parse into an
 * {@link IllegalArgumentException} that names the key and, where the host knows it, the place in
 * the config file, so the provider can let it propagate from {@link LinkProviderFactory#create}.
 *
 * <p>The host accepts only the keys a factory lists in {@link LinkProviderFactory#settingKeys()};
 * any other key is a config error with file:line:col.
 *
 * <p>Example, for
 * <pre>{@code
 * providers:
 *   Deployment:
 *     settings: {console: "https://console.example", maxReplicasShown: 20}
 *     links: [...]
 * }</pre>
 * {@code settings.get("console")} is {@code Optional[https://console.example]} and
 * {@code settings.getInt("maxReplicasShown", 10)} is {@code 20}.
 */
public final class ProviderSettings {

    private static final ProviderSettings EMPTY = new ProviderSettings(Map.of(), Map.of());

    private final Map<String, String> values;
    private final Map<String, String> sources;

    private ProviderSettings(Map<String, String> values, Map<String, String> sources) {
        this.values = Map.copyOf(values);
        this.sources = Map.copyOf(sources);
    }

    /** No settings. Example: {@code ProviderSettings.empty().keys()} is empty. */
    public static ProviderSettings empty() {
        return EMPTY;
    }

    /** A builder for settings. Example: {@code ProviderSettings.builder().put("console", url).build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The keys the operator set. Example: {@code [console, maxReplicasShown]}. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** The value of {@code key} as written, or empty. Example: {@code get("console")}. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(Objects.requireNonNull(key, "key")));
    }

    /** The value of {@code key}, or {@code defaultValue} when it is not set. Example: {@code get("tab", "logs")}. */
    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    /**
     * The value of {@code key} as a whole number, or {@code defaultValue} when it is not set.
     * Example: {@code getInt("maxReplicasShown", 10)}.
     *
     * @throws IllegalArgumentException when the value is not a whole number
     */
    public int getInt(String key, int defaultValue) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.get().strip());
        } catch (NumberFormatException e) {
            throw invalid(key, "a whole number");
        }
    }

    /**
     * The value of {@code key} as {@code true} or {@code false}, or {@code defaultValue} when it is
     * not set. Example: {@code getBoolean("showSystemNamespaces", false)}.
     *
     * @throws IllegalArgumentException when the value is neither {@code true} nor {@code false}
     */
    public boolean getBoolean(String key, boolean defaultValue) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get().strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, "true or false");
        };
    }

    /**
     * The value of {@code key}, which the provider cannot do without.
     * Example: {@code require("console")}.
     *
     * @throws IllegalArgumentException when it is not set
     */
    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalArgumentException("setting '" + key + "' is required"));
    }

    private IllegalArgumentException invalid(String key, String expected) {
        String where = sources.containsKey(key) ? " (" + sources.get(key) + ")" : "";
        return new IllegalArgumentException("setting '" + key + "'" + where + " is '" + values.get(key)
                + "', not " + expected);
    }

    /** Equal when the keys and values are; where they were written does not count. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ProviderSettings that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The keys and values, e.g. {@code {console=https://console.example}}. */
    @Override
    public String toString() {
        return values.toString();
    }

    /**
     * Collects settings; the host fills it from the config, tests write their own.
     * Example: {@code ProviderSettings.builder().put("console", url, "scope-links.yaml:7:16").build()}.
     */
    public static final class Builder {

        private final Map<String, String> values = new LinkedHashMap<>();
        private final Map<String, String> sources = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets {@code key} to {@code value}. Example: {@code put("console", "https://console.example")}. */
        public Builder put(String key, String value) {
            values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets {@code key} to {@code value}, written at {@code source} (shown in errors about it).
         * Example: {@code put("maxReplicasShown", "20", "scope-links.yaml:9:25")}.
         */
        public Builder put(String key, String value, String source) {
            put(key, value);
            sources.put(key, Objects.requireNonNull(source, "source"));
            return this;
        }

        /** The settings. Example: {@code ProviderSettings.builder().build()} has no keys. */
        public ProviderSettings build() {
            return new ProviderSettings(values, sources);
        }
    }
}
