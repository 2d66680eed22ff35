package dev.scopelinks.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * fabric8's CRUD store (the engine of {@code KubernetesMockServer}'s CRUD mode) that also reports
 * every change, with its resource version, to a {@link WatchHub}. The store keeps doing what it
 * does well: objects, server-set metadata (uid, resourceVersion, creationTimestamp, generation),
 * patches and optimistic locking. Its own watches (WebSocket only, no resource versions) are not
 * used; the hub serves watches instead.
 *
 * <p>fabric8's store finds an object by testing every stored object against the request's
 * attributes, so each create, read by name, update and patch costs time in proportion to the
 * cluster's size, and seeding a cluster of N objects costs N² (50,000 objects: no socket after
 * many minutes). This store therefore also keeps an index by identity (group, version, resource,
 * namespace, name), sorted per resource, and answers those look-ups and every list from it.
 */
final class StandInStore extends KubernetesCrudDispatcher {

    private final ObjectMapper json;
    private final WatchHub hub;
    /** Guards the two indexes; written only while fabric8's own write lock is held as well. */
    private final ReadWriteLock indexLock = new ReentrantReadWriteLock();
    /** Identity ({@link #identity}) to the stored object's attributes and JSON. */
    private final Map<String, Stored> byIdentity = new HashMap<>();
    /** Per resource ({@code group/version/plural}), {@code namespace/name} to the stored JSON, in that order. */
    private final Map<String, NavigableMap<String, String>> byResource = new HashMap<>();
    private long latestVersion;

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
            reindex(pathAttributes, oldAttributes, resource, newState, 0);
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
        reindex(pathAttributes, oldAttributes, resource, newState, version);
        hub.publish(new StoredEvent(version, group, plural, before, newState));
    }

    /** Looks an object up by identity instead of testing every stored one, when the request names one. */
    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
        String identity = identity(attributes);
        if (identity == null) {
            return super.findResource(attributes);
        }
        Stored stored = stored(identity);
        return stored != null && stored.attributes().matches(attributes)
                ? new AbstractMap.SimpleImmutableEntry<>(stored.attributes(), stored.json()) : null;
    }

    /** Answers a read of one object from the index; lists and watches still go to fabric8's store. */
    @Override
    public MockResponse handleGet(String path) {
        String identity = path.indexOf('?') < 0 ? identity(getKey(path)) : null;
        if (identity == null) {
            return super.handleGet(path);
        }
        Stored stored = stored(identity);
        return stored == null ? new MockResponse().setResponseCode(404)
                : new MockResponse().setResponseCode(200).setBody(stored.json());
    }

    /**
     * The stored objects of one resource in {@code namespace/name} order, from {@code namespace}
     * ({@code null}: all) and after the key {@code after} ({@code null}: from the first), with the
     * resource version they were read at.
     */
    Listing list(String group, String version, String plural, String namespace, String after) {
        indexLock.readLock().lock();
        try {
            NavigableMap<String, String> objects = byResource.getOrDefault(group + "/" + version + "/" + plural,
                    new TreeMap<>());
            if (namespace != null) {
                objects = objects.subMap(namespace + "/", true, namespace + "/\uffff", false);
            }
            if (after != null) {
                objects = objects.tailMap(after, false);
            }
            List<Map.Entry<String, String>> items = new ArrayList<>(objects.size());
            objects.forEach((key, value) -> items.add(new AbstractMap.SimpleImmutableEntry<>(key, value)));
            return new Listing(latestVersion, items);
        } finally {
            indexLock.readLock().unlock();
        }
    }

    /** Objects of a list, as {@code namespace/name} to JSON, and the resource version of the list. */
    record Listing(long resourceVersion, List<Map.Entry<String, String>> items) {
    }

    private Stored stored(String identity) {
        indexLock.readLock().lock();
        try {
            return byIdentity.get(identity);
        } finally {
            indexLock.readLock().unlock();
        }
    }

    /**
     * Mirrors a change fabric8's store just made, together with its resource version, so a list
     * never shows a change its resource version does not cover. The attributes are computed as
     * fabric8 computes them.
     */
    private void reindex(AttributeSet pathAttributes, AttributeSet oldAttributes, GenericKubernetesResource resource,
                         String newState, long version) {
        KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) attributeExtractor;
        AttributeSet newAttributes = null;
        if (newState != null) {
            newAttributes = resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
            if (!newAttributes.containsKey(KubernetesAttributesExtractor.PLURAL)) {
                newAttributes = AttributeSet.merge(pathAttributes, newAttributes);
            }
            if (!map.containsKey(newAttributes)) {
                throw new IllegalStateException("the stand-in's index and fabric8's store disagree on " + newAttributes);
            }
        }
        indexLock.writeLock().lock();
        try {
            latestVersion = Math.max(latestVersion, version);
            if (oldAttributes != null) {
                String identity = identity(oldAttributes);
                byIdentity.remove(identity);
                NavigableMap<String, String> objects = byResource.get(resourceKey(oldAttributes));
                if (objects != null) {
                    objects.remove(objectKey(oldAttributes));
                }
            }
            if (newAttributes != null) {
                byIdentity.put(identity(newAttributes), new Stored(newAttributes, newState));
                byResource.computeIfAbsent(resourceKey(newAttributes), key -> new TreeMap<>())
                        .put(objectKey(newAttributes), newState);
            }
        } finally {
            indexLock.writeLock().unlock();
        }
    }

    /** {@code group/version/plural/namespace/name}, or {@code null} when the attributes name no single object. */
    private static String identity(AttributeSet attributes) {
        if (!attributes.containsKey(KubernetesAttributesExtractor.NAME)
                || !attributes.containsKey(KubernetesAttributesExtractor.PLURAL)) {
            return null;
        }
        return resourceKey(attributes) + "/" + objectKey(attributes);
    }

    private static String resourceKey(AttributeSet attributes) {
        return value(attributes, KubernetesAttributesExtractor.API) + "/"
                + value(attributes, KubernetesAttributesExtractor.VERSION) + "/"
                + value(attributes, KubernetesAttributesExtractor.PLURAL);
    }

    /** The order a real server lists objects in: namespace, then name. */
    private static String objectKey(AttributeSet attributes) {
        return value(attributes, KubernetesAttributesExtractor.NAMESPACE) + "/"
                + value(attributes, KubernetesAttributesExtractor.NAME);
    }

    private static String value(AttributeSet attributes, String key) {
        Attribute attribute = attributes.getAttribute(key);
        return attribute == null || attribute.getValues().isEmpty() ? "" : attribute.getValues().get(0).toString();
    }

    private record Stored(AttributeSet attributes, String json) {
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
