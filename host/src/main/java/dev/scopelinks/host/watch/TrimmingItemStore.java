package dev.scopelinks.host.watch;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An informer's item store that keeps a trimmed copy of each object: the standard metadata, the
 * labels and annotations of {@link CachedFields.Trim} and its field paths. fabric8's own
 * {@code ReducedStateItemStore} splits paths at dots, so it cannot keep one label such as
 * {@code app.kubernetes.io/name}; this store trims label and annotation maps by key instead.
 */
final class TrimmingItemStore implements ItemStore<GenericKubernetesResource> {

    private final BasicItemStore<GenericKubernetesResource> items = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);
    private final CachedFields.Trim trim;

    TrimmingItemStore(CachedFields.Trim trim) {
        this.trim = Objects.requireNonNull(trim, "trim");
    }

    @Override
    public String getKey(GenericKubernetesResource resource) {
        return items.getKey(resource);
    }

    @Override
    public GenericKubernetesResource put(String key, GenericKubernetesResource resource) {
        return items.put(key, trimmed(resource));
    }

    @Override
    public GenericKubernetesResource remove(String key) {
        return items.remove(key);
    }

    @Override
    public Stream<String> keySet() {
        return items.keySet();
    }

    @Override
    public Stream<GenericKubernetesResource> values() {
        return items.values();
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public GenericKubernetesResource get(String key) {
        return items.get(key);
    }

    /** The copy kept: values are shared with the full object, which is garbage once the event is handled. */
    GenericKubernetesResource trimmed(GenericKubernetesResource resource) {
        ObjectMeta full = resource.getMetadata() == null ? new ObjectMeta() : resource.getMetadata();
        ObjectMeta meta = new ObjectMeta();
        meta.setName(full.getName());
        meta.setNamespace(full.getNamespace());
        meta.setUid(full.getUid());
        meta.setResourceVersion(full.getResourceVersion());
        meta.setCreationTimestamp(full.getCreationTimestamp());
        meta.setOwnerReferences(full.getOwnerReferences());
        meta.setLabels(kept(full.getLabels(), trim.labels()));
        meta.setAnnotations(keptAnnotations(full.getAnnotations()));
        GenericKubernetesResource copy = new GenericKubernetesResource();
        copy.setApiVersion(resource.getApiVersion());
        copy.setKind(resource.getKind());
        copy.setMetadata(meta);
        Map<String, Object> properties = resource.getAdditionalProperties();
        if (properties != null) {
            for (String path : trim.fields()) {
                copyPath(properties, copy.getAdditionalProperties(), path);
            }
        }
        return copy;
    }

    private Map<String, String> keptAnnotations(Map<String, String> all) {
        if (all == null || all.isEmpty() || trim.annotations().isEmpty()) {
            return all;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        all.forEach((key, value) -> {
            if (trim.keepsAnnotation(key)) {
                kept.put(key, value);
            }
        });
        return kept.isEmpty() ? null : kept;
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
        return kept.isEmpty() ? null : kept;
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
