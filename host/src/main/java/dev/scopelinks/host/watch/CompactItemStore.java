package dev.scopelinks.host.watch;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An informer's item store that keeps each object as a {@link CachedObject}: trimmed to the
 * standard metadata and the labels, annotations and field paths of a {@link CachedFields.Trim}
 * (or everything, without one), in compact immutable form, and found by key and by uid.
 *
 * <p>fabric8 keys its cache by {@code namespace/name} and gets its own objects back as
 * {@link GenericKubernetesResource}s, rebuilt on demand ({@link CachedObject#toResource()}): it
 * asks for them on updates (the previous state) and re-lists, not on the host's look-ups, which
 * read the compact form directly through {@link #byUid}, {@link #byKey} and {@link #forEach}.
 * The uid index here replaces an informer index, which keeps a hashed set per uid.
 *
 * <p>fabric8's own {@code ReducedStateItemStore} splits paths at dots, so it cannot keep one label
 * such as {@code app.kubernetes.io/name}; this store trims label and annotation maps by key.
 */
final class CompactItemStore implements ItemStore<GenericKubernetesResource> {

    private final Map<String, CachedObject> byKey = new ConcurrentHashMap<>();
    private final Map<String, CachedObject> byUid = new ConcurrentHashMap<>();
    private final Optional<CachedFields.Trim> trim;

    /** A store that keeps what {@code trim} says; empty keeps whole objects. */
    CompactItemStore(Optional<CachedFields.Trim> trim) {
        this.trim = Objects.requireNonNull(trim, "trim");
    }

    @Override
    public String getKey(GenericKubernetesResource resource) {
        return Cache.metaNamespaceKeyFunc(resource);
    }

    @Override
    public GenericKubernetesResource put(String key, GenericKubernetesResource resource) {
        CachedObject object = cached(resource);
        CachedObject previous = byKey.put(key, object);
        if (previous != null && !previous.uid().equals(object.uid())) {
            byUid.remove(previous.uid(), previous);
        }
        byUid.put(object.uid(), object);
        return previous == null ? null : previous.toResource();
    }

    @Override
    public GenericKubernetesResource remove(String key) {
        CachedObject previous = byKey.remove(key);
        if (previous == null) {
            return null;
        }
        byUid.remove(previous.uid(), previous);
        return previous.toResource();
    }

    @Override
    public Stream<String> keySet() {
        return byKey.keySet().stream();
    }

    @Override
    public Stream<GenericKubernetesResource> values() {
        return byKey.values().stream().map(CachedObject::toResource);
    }

    @Override
    public int size() {
        return byKey.size();
    }

    @Override
    public GenericKubernetesResource get(String key) {
        CachedObject object = byKey.get(key);
        return object == null ? null : object.toResource();
    }

    /** The cached object with {@code uid}; null when there is none. */
    CachedObject byUid(String uid) {
        return byUid.get(uid);
    }

    /** The cached object {@code name} in {@code namespace} (null or empty: cluster-scoped); null when there is none. */
    CachedObject byName(String namespace, String name) {
        return byKey.get(Cache.namespaceKeyFunc(namespace, name));
    }

    /** What this store keeps; empty means whole objects. */
    Optional<CachedFields.Trim> trim() {
        return trim;
    }

    void forEach(Consumer<CachedObject> action) {
        byKey.values().forEach(action);
    }

    /** Adds the uid of every cached object to {@code uids}. */
    void addUids(Set<String> uids) {
        uids.addAll(byUid.keySet());
    }

    /** The copy kept: values are shared with the full object, which is garbage once the event is handled. */
    CachedObject cached(GenericKubernetesResource resource) {
        ObjectMeta meta = resource.getMetadata() == null ? new ObjectMeta() : resource.getMetadata();
        Map<String, Object> properties = resource.getAdditionalProperties();
        if (trim.isEmpty()) {
            return CachedObject.of(resource, meta.getLabels(), meta.getAnnotations(), properties);
        }
        CachedFields.Trim keep = trim.get();
        Map<String, Object> fields = new LinkedHashMap<>();
        if (properties != null) {
            for (String path : keep.fields()) {
                copyPath(properties, fields, path);
            }
        }
        return CachedObject.of(resource, kept(meta.getLabels(), keep.labels()),
                keptAnnotations(meta.getAnnotations(), keep), fields);
    }

    private static Map<String, String> keptAnnotations(Map<String, String> all, CachedFields.Trim keep) {
        if (all == null || all.isEmpty() || keep.annotations().isEmpty()) {
            return all;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        all.forEach((key, value) -> {
            if (keep.keepsAnnotation(key)) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    private static Map<String, String> kept(Map<String, String> all, Optional<Set<String>> keys) {
        if (all == null || all.isEmpty() || keys.isEmpty()) {
            return all;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (String key : keys.get()) {
            String value = all.get(key);
            if (value != null) {
                kept.put(key, value);
            }
        }
        return kept;
    }

    @SuppressWarnings("unchecked")
    private static void copyPath(Map<String, Object> from, Map<String, Object> to, String path) {
        String[] parts = path.split("\\.");
        Map<String, Object> source = from;
        Map<String, Object> target = to;
        for (int i = 0; i < parts.length - 1; i++) {
            if (!(source.get(parts[i]) instanceof Map<?, ?> next)) {
                return;
            }
            source = (Map<String, Object>) next;
            Object existing = target.get(parts[i]);
            if (existing instanceof Map<?, ?> map) {
                target = (Map<String, Object>) map;
            } else {
                Map<String, Object> created = new LinkedHashMap<>();
                target.put(parts[i], created);
                target = created;
            }
        }
        String leaf = parts[parts.length - 1];
        if (source.containsKey(leaf)) {
            target.put(leaf, source.get(leaf));
        }
    }
}
