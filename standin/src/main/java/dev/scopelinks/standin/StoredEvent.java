package dev.scopelinks.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * One change to the stand-in cluster, in the order the store made it. Objects are kept as JSON text,
 * not trees: the watch history holds thousands of these, and text is several times smaller.
 *
 * @param resourceVersion the change's resource version (for a deletion, a fresh one, as a real server assigns)
 * @param group           API group of the stored object
 * @param plural          resource name of the stored object
 * @param before          the object before the change, {@code null} when it was created
 * @param after           the object after the change, {@code null} when it was deleted
 */
record StoredEvent(long resourceVersion, String group, String plural, String before, String after) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The object before the change, parsed; {@code null} when it was created. */
    JsonNode beforeObject() {
        return parse(before);
    }

    /** The object after the change, parsed; {@code null} when it was deleted. */
    JsonNode afterObject() {
        return parse(after);
    }

    private static JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
