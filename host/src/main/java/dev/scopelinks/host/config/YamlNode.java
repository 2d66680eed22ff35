package dev.scopelinks.host.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value that remembers where it was written. Jackson's tree model drops locations,
 * and its data binding stops at the first error; keeping positions lets {@code validate} report
 * every problem at once, each at its exact line and column.
 */
public sealed interface YamlNode {

    Location location();

    /** A short name of the node's type for messages: "a string", "a list". */
    String describe();

    /** A scalar; {@code value} is null for YAML null, and {@code quoted} says the author wrote a string. */
    record Scalar(String value, ScalarType type, Location location) implements YamlNode {
        @Override
        public String describe() {
            return switch (type) {
                case NULL -> "null";
                case STRING -> "a string";
                case INTEGER, FLOAT -> "a number";
                case BOOLEAN -> "a boolean";
            };
        }
    }

    /** A mapping whose keys keep their own locations. */
    record Mapping(Map<String, Entry> entries, Location location) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, Location location) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A mapping entry: the key's location, for errors about the key itself, and its value. */
    record Entry(String key, Location keyLocation, YamlNode value) {
    }

    enum ScalarType { NULL, STRING, INTEGER, FLOAT, BOOLEAN }
}
