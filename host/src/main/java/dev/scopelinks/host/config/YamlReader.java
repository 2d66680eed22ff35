package dev.scopelinks.host.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads YAML into {@link YamlNode}s with Jackson's streaming parser, keeping every location. */
final class YamlReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final String fileName;
    private final List<ConfigError> errors;

    YamlReader(String fileName, List<ConfigError> errors) {
        this.fileName = fileName;
        this.errors = errors;
    }

    /** The document's root, or null when it is empty or not valid YAML (an error is then recorded). */
    YamlNode read(Reader reader) {
        try (JsonParser parser = FACTORY.createParser(reader)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            return readValue(parser, token);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Location location = at == null ? new Location(fileName, 1, 1) : location(at);
            errors.add(new ConfigError(location, "", "not valid YAML: " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            errors.add(new ConfigError(new Location(fileName, 1, 1), "", "cannot read: " + e.getMessage()));
            return null;
        }
    }

    private YamlNode readValue(JsonParser parser, JsonToken token) throws IOException {
        Location at = location(parser.currentTokenLocation());
        return switch (token) {
            case START_OBJECT -> readMapping(parser, at);
            case START_ARRAY -> readSequence(parser, at);
            case VALUE_STRING -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.STRING, at);
            case VALUE_NUMBER_INT -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.INTEGER, at);
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.FLOAT, at);
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.BOOLEAN, at);
            case VALUE_NULL -> new YamlNode.Scalar(null, YamlNode.ScalarType.NULL, at);
            default -> throw new IllegalStateException("unexpected YAML token " + token + " at " + at);
        };
    }

    private YamlNode readMapping(JsonParser parser, Location at) throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Location keyAt = location(parser.currentTokenLocation());
            YamlNode value = readValue(parser, parser.nextToken());
            if (entries.containsKey(key)) {
                errors.add(new ConfigError(keyAt, key, "duplicate key (first written at line "
                        + entries.get(key).keyLocation().line() + ")"));
            } else {
                entries.put(key, new YamlNode.Entry(key, keyAt, value));
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new IllegalStateException("unexpected YAML token " + token + " in mapping at " + at);
        }
        return new YamlNode.Mapping(entries, at);
    }

    private YamlNode readSequence(JsonParser parser, Location at) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(readValue(parser, token));
        }
        return new YamlNode.Sequence(items, at);
    }

    private Location location(JsonLocation at) {
        return new Location(fileName, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }
}
