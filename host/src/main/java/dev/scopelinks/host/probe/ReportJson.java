package dev.scopelinks.host.probe;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading a report body as a tree, and the two readings of a value {@link ReportChecker} and
 * {@link ReportSummary} judge by, with the results they have always had (Jackson 2's
 * {@code asText()} and {@code asDouble(0)}); Jackson 3's own coercions refuse containers and
 * treat {@code null}, booleans and padded numbers differently.
 */
final class ReportJson {

    /** Like Jackson 2's default mapper: whatever follows the first value is not read. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ReportJson() {
    }

    /** A scalar's text, {@code "null"} for null, and the empty string for an object, an array or a missing value. */
    static String text(JsonNode node) {
        return node.isNull() ? "null" : node.asString("");
    }

    /** A number's value, a string's value read as a number, 1 or 0 for a boolean; 0 otherwise. */
    static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? 1 : 0;
        }
        if (node.isString()) {
            String text = node.stringValue().trim();
            try {
                return text.isEmpty() ? 0 : Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }
}
