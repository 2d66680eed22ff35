package dev.scopelinks.spi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link KubeObject} over nested maps, standing in for the host's object view in the SPI's own
 * tests (the SPI depends on the JDK only, so it cannot use the host's or the testkit's).
 */
final class MapObject implements KubeObject {

    private final String apiVersion;
    private final String kind;
    private final String name;
    private final String namespace;
    private final Map<String, Object> root;
    private final Map<String, String> labels;
    private final List<OwnerReference> owners;

    MapObject(String apiVersion, String kind, String namespace, String name, Map<String, String> labels,
              List<OwnerReference> owners, Map<String, Object> root) {
        this.apiVersion = apiVersion;
        this.kind = kind;
        this.namespace = namespace;
        this.name = name;
        this.labels = Map.copyOf(labels);
        this.owners = List.copyOf(owners);
        this.root = root;
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
        return "uid-" + name;
    }

    @Override
    public Map<String, String> labels() {
        return labels;
    }

    @Override
    public Map<String, String> annotations() {
        return Map.of();
    }

    @Override
    public Optional<Instant> creationTimestamp() {
        return Optional.empty();
    }

    @Override
    public List<OwnerReference> ownerReferences() {
        return owners;
    }

    @Override
    public Optional<String> field(String path) {
        return fields(root).field(path);
    }

    @Override
    public List<Fields> list(String path) {
        return fields(root).list(path);
    }

    @Override
    public Map<String, String> map(String path) {
        return fields(root).map(path);
    }

    static Fields fields(Map<String, Object> map) {
        return new Fields() {
            @Override
            public Optional<String> field(String path) {
                Object value = at(map, path);
                return value instanceof Map || value instanceof List || value == null ? Optional.empty()
                        : Optional.of(String.valueOf(value));
            }

            @Override
            @SuppressWarnings("unchecked")
            public List<Fields> list(String path) {
                List<Fields> elements = new ArrayList<>();
                if (at(map, path) instanceof List<?> list) {
                    list.forEach(element -> elements.add(fields((Map<String, Object>) element)));
                }
                return elements;
            }

            @Override
            public Map<String, String> map(String path) {
                Map<String, String> entries = new LinkedHashMap<>();
                if (at(map, path) instanceof Map<?, ?> found) {
                    found.forEach((key, value) -> entries.put(String.valueOf(key), String.valueOf(value)));
                }
                return entries;
            }
        };
    }

    private static Object at(Map<String, Object> map, String path) {
        Object current = map;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> level)) {
                return null;
            }
            current = level.get(part);
        }
        return current;
    }
}
