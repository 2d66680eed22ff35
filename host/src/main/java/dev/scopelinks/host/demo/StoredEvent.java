package dev.scopelinks.host.demo;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One change to the demo cluster, in the order the store made it.
 *
 * @param resourceVersion the change's resource version (for a deletion, a fresh one, as a real server assigns)
 * @param group           API group of the stored object
 * @param plural          resource name of the stored object
 * @param before          the object before the change, {@code null} when it was created
 * @param after           the object after the change, {@code null} when it was deleted
 */
record StoredEvent(long resourceVersion, String group, String plural, JsonNode before, JsonNode after) {
}
