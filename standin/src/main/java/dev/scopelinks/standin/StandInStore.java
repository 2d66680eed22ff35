package dev.scopelinks.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * fabric8's CRUD store (the engine of {@code KubernetesMockServer}'s CRUD mode) that also reports
 * every change, with its resource version, to a {@link WatchHub}. The store keeps doing what it
 * does well: objects, server-set metadata (uid, resourceVersion, creationTimestamp, generation),
 * patches and optimistic locking. Its own watches (WebSocket only, no resource versions) are not
 * used; the hub serves watches instead.
 */
final class StandInStore extends KubernetesCrudDispatcher {

    private final ObjectMapper json;
    private final WatchHub hub;

    StandInStore(ObjectMapper json, WatchHub hub) {
        this.json = json;
        this.hub = hub;
    }

    @Override
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
                             GenericKubernetesResource resource, String newState) {
        // Called with the store's write lock held, so changes reach the hub in resource-version order.
        String existing = oldAttributes == null ? null : map.get(oldAttributes);
        super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
        if (Objects.equals(existing, newState)) {
            return;
        }
        Map<String, String> where = ((KubernetesAttributesExtractor) attributeExtractor).fromKubernetesPath(path);
        String group = where.getOrDefault(KubernetesAttributesExtractor.API, "");
        String plural = where.getOrDefault(KubernetesAttributesExtractor.PLURAL, "");
        long version;
        String before = existing;
        if (newState == null) {
            // A real server gives a deletion its own resource version; watches resume after it.
            version = requestResourceVersion();
            JsonNode deleted = parse(existing);
            ((ObjectNode) deleted.path("metadata")).put("resourceVersion", String.valueOf(version));
            before = deleted.toString();
        } else {
            version = Long.parseLong(parse(newState).path("metadata").path("resourceVersion").asText("0"));
        }
        hub.publish(new StoredEvent(version, group, plural, before, newState));
    }

    private JsonNode parse(String state) {
        if (state == null) {
            return null;
        }
        try {
            return json.readTree(state);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
