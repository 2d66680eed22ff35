package dev.scopelinks.host.watch;

import dev.scopelinks.spi.Fields;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.OwnerReference;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One object as an informer cache keeps it: the standard metadata, the labels and annotations
 * kept, and the kept fields, in immutable compact form. A watched object costs its cache a few
 * hundred bytes instead of the kilobytes fabric8's {@link GenericKubernetesResource} spends on
 * hashed maps, typed metadata with some twenty fields, and a copy of every string per object.
 *
 * <p>Strings that repeat across objects (API versions, kinds, namespaces, label and annotation
 * keys and values, owners, short field values such as a Node name or a phase) are interned, so
 * 50,000 Pods on 50 Nodes hold each Node name once. Names, uids and resource versions are the
 * object's own and are kept as they came.
 */
final class CachedObject implements KubeObject {

    /** Longer strings are rarely shared (a JSON annotation, a certificate) and are kept as they came. */
    private static final int SHARED_LENGTH = 253;
    private static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private final String apiVersion;
    private final String kind;
    private final String name;
    private final String namespace;
    private final String uid;
    private final String resourceVersion;
    private final long createdSecond;
    private final List<OwnerReference> owners;
    private final Map<String, String> labels;
    private final Map<String, String> annotations;
    private final Map<String, Object> fields;

    private CachedObject(String apiVersion, String kind, ObjectMeta meta, Map<String, String> labels,
                         Map<String, String> annotations, Map<String, Object> fields) {
        this.apiVersion = shared(Objects.toString(apiVersion, ""));
        this.kind = shared(Objects.toString(kind, ""));
        this.name = Objects.toString(meta.getName(), "");
        this.namespace = meta.getNamespace() == null || meta.getNamespace().isEmpty() ? null
                : shared(meta.getNamespace());
        this.uid = Objects.toString(meta.getUid(), "");
        this.resourceVersion = meta.getResourceVersion();
        this.createdSecond = second(meta.getCreationTimestamp());
        this.owners = GenericObjectView.ownerReferences(meta.getOwnerReferences(), CachedObject::shared);
        this.labels = sharedStrings(labels);
        this.annotations = sharedStrings(annotations);
        this.fields = fields;
    }

    /**
     * The cached form of {@code resource}, keeping {@code labels}, {@code annotations} (already
     * chosen by the caller) and {@code fields}, a map of the object's top-level fields as kept.
     */
    static CachedObject of(GenericKubernetesResource resource, Map<String, String> labels,
                           Map<String, String> annotations, Map<String, Object> fields) {
        ObjectMeta meta = resource.getMetadata() == null ? new ObjectMeta() : resource.getMetadata();
        return new CachedObject(resource.getApiVersion(), resource.getKind(), meta, labels, annotations,
                CompactMap.copyOf(fields, CachedObject::shared, CachedObject::compact));
    }

    /**
     * The object again as fabric8 models it, for fabric8's own use of its cache (the previous
     * state of an update, a re-list's deletions); the look-ups of the host read the compact form.
     */
    GenericKubernetesResource toResource() {
        ObjectMeta meta = new ObjectMeta();
        meta.setName(name);
        meta.setNamespace(namespace);
        meta.setUid(uid);
        meta.setResourceVersion(resourceVersion);
        if (createdSecond != NO_TIMESTAMP) {
            meta.setCreationTimestamp(Instant.ofEpochSecond(createdSecond).toString());
        }
        if (!labels.isEmpty()) {
            meta.setLabels(labels);
        }
        if (!annotations.isEmpty()) {
            meta.setAnnotations(annotations);
        }
        if (!owners.isEmpty()) {
            meta.setOwnerReferences(owners.stream().map(owner -> new OwnerReferenceBuilder()
                    .withApiVersion(owner.apiVersion()).withKind(owner.kind()).withName(owner.name())
                    .withUid(owner.uid()).withController(owner.controller()).build()).toList());
        }
        GenericKubernetesResource resource = new GenericKubernetesResource();
        resource.setApiVersion(apiVersion);
        resource.setKind(kind);
        resource.setMetadata(meta);
        fields.forEach(resource::setAdditionalProperty);
        return resource;
    }

    @Override
    public String apiVersion() {
        return apiVersion;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> namespace() {
        return Optional.ofNullable(namespace);
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public Map<String, String> labels() {
        return labels;
    }

    @Override
    public Map<String, String> annotations() {
        return annotations;
    }

    @Override
    public Optional<Instant> creationTimestamp() {
        return createdSecond == NO_TIMESTAMP ? Optional.empty() : Optional.of(Instant.ofEpochSecond(createdSecond));
    }

    @Override
    public List<OwnerReference> ownerReferences() {
        return owners;
    }

    @Override
    public Optional<String> field(String path) {
        return new MapFields(fields).field(path);
    }

    @Override
    public List<Fields> list(String path) {
        return new MapFields(fields).list(path);
    }

    @Override
    public Map<String, String> map(String path) {
        return new MapFields(fields).map(path);
    }

    @Override
    public String toString() {
        return kind + " " + (namespace == null ? "" : namespace + "/") + name;
    }

    /** Whole seconds since the epoch of a Kubernetes timestamp; none when absent or malformed. */
    private static long second(String text) {
        if (text == null || text.isEmpty()) {
            return NO_TIMESTAMP;
        }
        try {
            return Instant.parse(text).getEpochSecond();
        } catch (DateTimeParseException e) {
            return NO_TIMESTAMP;
        }
    }

    private static Map<String, String> sharedStrings(Map<String, String> map) {
        return CompactMap.copyOf(map, CachedObject::shared, value -> shared((String) value));
    }

    /** An immutable compact copy of a decoded JSON value, without nulls, its short strings interned. */
    private static Object compact(Object value) {
        if (value instanceof String text) {
            return shared(text);
        }
        if (value instanceof Map<?, ?> map) {
            return CompactMap.copyOf(map, CachedObject::shared, CachedObject::compact);
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            for (Object item : list) {
                if (item != null) {
                    items.add(compact(item));
                }
            }
            return List.copyOf(items);
        }
        return value;
    }

    private static String shared(String text) {
        return text.length() <= SHARED_LENGTH ? text.intern() : text;
    }
}
