package dev.scopelinks.host.watch;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * An immutable map of a few string-keyed entries, kept in their original order in one array of
 * alternating keys and values. A cached object's labels, annotations and fields are a handful of
 * entries each; a {@code LinkedHashMap} spends about 40 bytes per entry plus its table on them,
 * this spends 8. Look-ups scan the array, which for a handful of entries is as fast as hashing;
 * maps of more than {@link #MAX_ENTRIES} entries stay hashed.
 */
final class CompactMap<V> extends AbstractMap<String, V> {

    /** Beyond this many entries a copy is a hashed map: a linear scan would then cost more than it saves. */
    static final int MAX_ENTRIES = 24;

    private static final CompactMap<?> EMPTY = new CompactMap<>(new Object[0]);

    private final Object[] entries;

    private CompactMap(Object[] entries) {
        this.entries = entries;
    }

    /**
     * An immutable copy of {@code map} (null for none) in its iteration order, each key (as text)
     * through {@code keys} and each value through {@code values}; entries with a null key, a null
     * value or a null copy of their value are left out.
     */
    static <V> Map<String, V> copyOf(Map<?, ?> map, UnaryOperator<String> keys, Function<Object, ? extends V> values) {
        if (map == null || map.isEmpty()) {
            return empty();
        }
        Object[] pairs = new Object[map.size() * 2];
        int at = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object value = entry.getValue() == null ? null : values.apply(entry.getValue());
            if (entry.getKey() != null && value != null) {
                pairs[at++] = keys.apply(entry.getKey().toString());
                pairs[at++] = value;
            }
        }
        return of(pairs, at);
    }

    /** An immutable map of the first {@code length} items of {@code pairs} (key, value, key, value…). */
    private static <V> Map<String, V> of(Object[] pairs, int length) {
        if (length == 0) {
            return empty();
        }
        if (length / 2 > MAX_ENTRIES) {
            Map<String, V> hashed = new LinkedHashMap<>();
            for (int i = 0; i < length; i += 2) {
                hashed.put((String) pairs[i], cast(pairs[i + 1]));
            }
            return Collections.unmodifiableMap(hashed);
        }
        Object[] exact = pairs.length == length ? pairs : Arrays.copyOf(pairs, length);
        return new CompactMap<>(exact);
    }

    @SuppressWarnings("unchecked")
    static <V> Map<String, V> empty() {
        return (Map<String, V>) EMPTY;
    }

    @Override
    public int size() {
        return entries.length / 2;
    }

    @Override
    public boolean isEmpty() {
        return entries.length == 0;
    }

    @Override
    public V get(Object key) {
        int at = indexOf(key);
        return at < 0 ? null : cast(entries[at + 1]);
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < entries.length; i += 2) {
            // Keys are usually interned, so identity answers most look-ups before equals is called.
            if (entries[i] == key || entries[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < entries.length;
                    }

                    @Override
                    public Map.Entry<String, V> next() {
                        if (next >= entries.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, V> entry = new SimpleImmutableEntry<>((String) entries[next],
                                cast(entries[next + 1]));
                        next += 2;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return entries.length / 2;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <V> V cast(Object value) {
        return (V) Objects.requireNonNull(value);
    }
}
