package dev.scopelinks.host.report;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.scopelinks.host.render.RenderedNode;
import dev.scopelinks.spi.ScopeTopology;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The nodes of the report, per topology and per source object, each kept as ready-to-send JSON
 * bytes. Its only writer, {@code report-render} ({@link ReportUpdater}), changes one object's entry
 * at a time; building the report ({@code report-builder}) then only concatenates bytes. A link keeps the timestamp of when its value was last computed, so an
 * unchanged object (a resync, a status-only update) changes nothing and costs no rebuild.
 *
 * <p>The fragments are as short as Scope allows, since the probe's decoding of the body is what
 * limits a plugin socket: a link comes in under its long key ({@code <pluginId>-<linkId>}) and is
 * written under its five-character {@link ReportKeys#wire wire key}, and timestamps have whole seconds ({@code 2026-11-25T10:00:00Z}, which Go's RFC 3339
 * parser takes). Scope keeps the later timestamp when it merges, so a changed value is always
 * stamped at least one second after the value it replaces, even within the same second.
 */
public final class ReportModel {

    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_INSTANT;
    private static final int MAX_KEY_SETS = 10_000;

    private static final byte[] ID_OPEN = ascii(":{\"id\":");
    private static final byte[] LATEST_OPEN = ascii(",\"latest\":{");
    private static final byte[] TIMESTAMP_OPEN = ascii(":{\"timestamp\":\"");
    private static final byte[] VALUE_OPEN = ascii("\",\"value\":");
    private static final byte[] NODE_CLOSE = ascii("}}");

    private final Clock clock;
    private final Map<String, byte[]> wireKeys = new ConcurrentHashMap<>();
    /**
     * Link key arrays shared by every node with the same links: nodes of one provider nearly always
     * have the same keys, so a node keeps a reference instead of its own array. Bounded, since
     * conditional links could in principle make many combinations.
     */
    private final Map<List<String>, String[]> keySets = new ConcurrentHashMap<>();
    private final Map<ScopeTopology, ConcurrentHashMap<String, List<ServedNode>>> topologies;

    public ReportModel(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Map<ScopeTopology, ConcurrentHashMap<String, List<ServedNode>>> maps = new EnumMap<>(ScopeTopology.class);
        for (ScopeTopology topology : ScopeTopology.values()) {
            maps.put(topology, new ConcurrentHashMap<>());
        }
        this.topologies = maps;
    }

    /**
     * Replaces the nodes that the object {@code objectKey} (its uid) feeds in {@code topology}; the
     * links of {@code nodes} are keyed by their long keys, which the fragments turn into wire keys.
     *
     * @return whether the report's content changed
     */
    public boolean put(ScopeTopology topology, String objectKey, List<RenderedNode> nodes) {
        if (nodes.isEmpty()) {
            return remove(topology, objectKey);
        }
        boolean[] changed = {false};
        topologies.get(topology).compute(objectKey, (key, previous) -> {
            List<ServedNode> next = states(nodes, previous);
            changed[0] = !sameContent(previous, next);
            return changed[0] ? next : previous;
        });
        return changed[0];
    }

    /** Drops the nodes {@code objectKey} fed; returns whether there were any. */
    public boolean remove(ScopeTopology topology, String objectKey) {
        return topologies.get(topology).remove(objectKey) != null;
    }

    /** Drops every node of the topologies not in {@code keep}; returns whether anything went. */
    public boolean retainOnly(Set<ScopeTopology> keep) {
        boolean changed = false;
        for (Map.Entry<ScopeTopology, ConcurrentHashMap<String, List<ServedNode>>> entry : topologies.entrySet()) {
            if (!keep.contains(entry.getKey()) && !entry.getValue().isEmpty()) {
                entry.getValue().clear();
                changed = true;
            }
        }
        return changed;
    }

    /** Drops the entries of {@code topology} whose object key is not in {@code keep}. */
    public boolean retainObjects(ScopeTopology topology, Set<String> keep) {
        return topologies.get(topology).keySet().retainAll(keep);
    }

    /** Hands every node of {@code topology} to {@code sink}, with what sharding needs to know of it. */
    void forEachNode(ScopeTopology topology, Consumer<ServedNode> sink) {
        for (List<ServedNode> states : topologies.get(topology).values()) {
            for (ServedNode state : states) {
                sink.accept(state);
            }
        }
    }

    /** How many nodes {@code topology} has now. */
    public int nodeCount(ScopeTopology topology) {
        int count = 0;
        for (List<ServedNode> states : topologies.get(topology).values()) {
            count += states.size();
        }
        return count;
    }

    private List<ServedNode> states(List<RenderedNode> nodes, List<ServedNode> previous) {
        long now = clock.instant().getEpochSecond();
        List<ServedNode> states = new ArrayList<>(nodes.size());
        for (RenderedNode node : nodes) {
            long idHash = nodeHash(node.nodeId());
            ServedNode old = previous == null ? null : find(previous, idHash);
            int count = node.links().size();
            String[] keys = new String[count];
            String[] values = new String[count];
            long[] stamps = new long[2 * count];
            int i = 0;
            for (Map.Entry<String, String> link : node.links().entrySet()) {
                keys[i] = link.getKey();
                values[i] = link.getValue();
                long hash = hash(link.getValue());
                int kept = old == null ? -1 : old.indexOf(keys[i]);
                long stamp;
                if (kept < 0) {
                    stamp = now;
                } else if (old.valueHash(kept) == hash) {
                    stamp = old.timestamp(kept);
                } else {
                    // Whole seconds: a second change within one second must still win Scope's merge.
                    stamp = Math.max(now, old.timestamp(kept) + 1);
                }
                stamps[2 * i] = hash;
                stamps[2 * i + 1] = stamp;
                i++;
            }
            byte[] fragment = fragment(node.nodeId(), keys, values, stamps);
            states.add(new ServedNode(fragment, idHash, shared(keys), stamps));
        }
        return List.copyOf(states);
    }

    /** The node of {@code states} whose id has {@code idHash}; an object feeds only a few nodes. */
    private static ServedNode find(List<ServedNode> states, long idHash) {
        for (ServedNode state : states) {
            if (state.idHash() == idHash) {
                return state;
            }
        }
        return null;
    }

    private String[] shared(String[] keys) {
        String[] known = keySets.get(Arrays.asList(keys));
        if (known != null) {
            return known;
        }
        if (keySets.size() < MAX_KEY_SETS) {
            keySets.putIfAbsent(Arrays.asList(keys), keys);
        }
        return keys;
    }

    private static boolean sameContent(List<ServedNode> previous, List<ServedNode> next) {
        if (previous == null || previous.size() != next.size()) {
            return false;
        }
        for (int i = 0; i < next.size(); i++) {
            if (!Arrays.equals(previous.get(i).fragment(), next.get(i).fragment())) {
                return false;
            }
        }
        return true;
    }

    /** {@code "<id>":{"id":"<id>","latest":{"<wire key>":{"timestamp":"…","value":"…"},…}}}. */
    private byte[] fragment(String nodeId, String[] keys, String[] values, long[] hashesAndStamps) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + keys.length * 200);
        byte[] id = quoted(nodeId);
        out.writeBytes(id);
        out.writeBytes(ID_OPEN);
        out.writeBytes(id);
        out.writeBytes(LATEST_OPEN);
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(wireKeys.computeIfAbsent(keys[i], key -> quoted(ReportKeys.wire(key))));
            out.writeBytes(TIMESTAMP_OPEN);
            out.writeBytes(ascii(TIMESTAMP.format(Instant.ofEpochSecond(hashesAndStamps[2 * i + 1]))));
            out.writeBytes(VALUE_OPEN);
            out.writeBytes(quoted(values[i]));
            out.write('}');
        }
        out.writeBytes(NODE_CLOSE);
        return out.toByteArray();
    }

    /** A 64-bit FNV-1a hash: enough to tell whether a link's value changed without keeping the value twice. */
    private static long hash(String value) {
        return ReportKeys.fnv(value);
    }

    /** The stable hash of a node id that places the node on a shard; the same id always gets the same hash. */
    static long nodeHash(String nodeId) {
        return ReportKeys.mix(ReportKeys.fnv(nodeId));
    }

    static byte[] quoted(String text) {
        byte[] body = ENCODER.quoteAsUTF8(text);
        byte[] result = new byte[body.length + 2];
        result[0] = '"';
        System.arraycopy(body, 0, result, 1, body.length);
        result[result.length - 1] = '"';
        return result;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * One node as served and as the writer sees it: its fragment, the stable hash of its node id
     * (which picks its shard and tells the node apart from the object's other nodes), and per link
     * only the key, a hash of the value and the time the value was computed. The values live once,
     * inside the fragment, and the node id only there too.
     *
     * @param fragment        its JSON, {@code "id":{…}}
     * @param idHash          the stable hash of its node id
     * @param keys            its links' long keys (an array shared by nodes with the same links)
     * @param hashesAndStamps per link, the value's hash and then its timestamp (epoch seconds)
     */
    record ServedNode(byte[] fragment, long idHash, String[] keys, long[] hashesAndStamps) {

        /** Its {@code latest} entries (links). */
        int entries() {
            return keys.length;
        }

        int indexOf(String key) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        long valueHash(int link) {
            return hashesAndStamps[2 * link];
        }

        long timestamp(int link) {
            return hashesAndStamps[2 * link + 1];
        }
    }
}
