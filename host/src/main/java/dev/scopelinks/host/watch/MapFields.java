package dev.scopelinks.host.watch;

import dev.scopelinks.spi.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Fields} over the maps and lists a JSON object decodes into. */
public final class MapFields implements Fields {

    private final Map<String, Object> root;

    public MapFields(Map<String, Object> root) {
        this.root = root;
    }

    @Override
    public Optional<String> field(String path) {
        Object value = resolve(path);
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return Optional.of(value.toString());
        }
        return Optional.empty();
    }

    @Override
    public List<Fields> list(String path) {
        if (!(resolve(path) instanceof List<?> items)) {
            return List.of();
        }
        List<Fields> views = new ArrayList<>(items.size());
        for (Object item : items) {
            if (item instanceof Map<?, ?> map) {
                views.add(new MapFields(cast(map)));
            }
        }
        return views;
    }

    @Override
    public Map<String, String> map(String path) {
        if (!(resolve(path) instanceof Map<?, ?> map)) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (key != null && (value instanceof String || value instanceof Number || value instanceof Boolean)) {
                values.put(key.toString(), value.toString());
            }
        });
        return values;
    }

    private Object resolve(String path) {
        Object current = root;
        int start = 0;
        while (start <= path.length()) {
            int dot = path.indexOf('.', start);
            String name = dot < 0 ? path.substring(start) : path.substring(start, dot);
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(name);
            if (dot < 0) {
                return current;
            }
            start = dot + 1;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
