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
import java.util.HashMap;
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

    private static final byte[] ID_OPEN = ascii(":{\"id\":");
    private static final byte[] LATEST_OPEN = ascii(",\"latest\":{");
    private static final byte[] TIMESTAMP_OPEN = ascii(":{\"timestamp\":\"");
    private static final byte[] VALUE_OPEN = ascii("\",\"value\":");
    private static final byte[] NODE_CLOSE = ascii("}}");

    private final Clock clock;
    private final Map<String, byte[]> wireKeys = new ConcurrentHashMap<>();
    private final Map<ScopeTopology, ConcurrentHashMap<String, List<NodeState>>> topologies;

    public ReportModel(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Map<ScopeTopology, ConcurrentHashMap<String, List<NodeState>>> maps = new EnumMap<>(ScopeTopology.class);
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
            List<NodeState> next = states(nodes, previous);
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
        for (Map.Entry<ScopeTopology, ConcurrentHashMap<String, List<NodeState>>> entry : topologies.entrySet()) {
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

    /** Hands every node fragment ({@code "id":{…}}) of {@code topology} to {@code sink}. */
    void forEachFragment(ScopeTopology topology, Consumer<byte[]> sink) {
        forEachNode(topology, node -> sink.accept(node.fragment()));
    }

    /** Hands every node of {@code topology} to {@code sink}, with what sharding needs to know of it. */
    void forEachNode(ScopeTopology topology, Consumer<ServedNode> sink) {
        for (List<NodeState> states : topologies.get(topology).values()) {
            for (NodeState state : states) {
                sink.accept(state.served());
            }
        }
    }

    /** How many nodes {@code topology} has now. */
    public int nodeCount(ScopeTopology topology) {
        int count = 0;
        for (List<NodeState> states : topologies.get(topology).values()) {
            count += states.size();
        }
        return count;
    }

    private List<NodeState> states(List<RenderedNode> nodes, List<NodeState> previous) {
        Map<String, NodeState> before = new HashMap<>();
        if (previous != null) {
            previous.forEach(state -> before.put(state.nodeId(), state));
        }
        long now = clock.instant().getEpochSecond();
        List<NodeState> states = new ArrayList<>(nodes.size());
        for (RenderedNode node : nodes) {
            NodeState old = before.get(node.nodeId());
            int count = node.links().size();
            String[] keys = new String[count];
            long[] hashes = new long[count];
            long[] stamps = new long[count];
            String[] values = new String[count];
            int i = 0;
            for (Map.Entry<String, String> link : node.links().entrySet()) {
                keys[i] = link.getKey();
                values[i] = link.getValue();
                hashes[i] = hash(link.getValue());
                int kept = old == null ? -1 : old.indexOf(keys[i]);
                if (kept < 0) {
                    stamps[i] = now;
                } else if (old.valueHashes()[kept] == hashes[i]) {
                    stamps[i] = old.timestamps()[kept];
                } else {
                    // Whole seconds: a second change within one second must still win Scope's merge.
                    stamps[i] = Math.max(now, old.timestamps()[kept] + 1);
                }
                i++;
            }
            byte[] fragment = fragment(node.nodeId(), keys, values, stamps);
            states.add(new NodeState(node.nodeId(), keys, hashes, stamps,
                    new ServedNode(fragment, nodeHash(node.nodeId()), count)));
        }
        return List.copyOf(states);
    }

    private static boolean sameContent(List<NodeState> previous, List<NodeState> next) {
        if (previous == null || previous.size() != next.size()) {
            return false;
        }
        for (int i = 0; i < next.size(); i++) {
            if (!Arrays.equals(previous.get(i).served().fragment(), next.get(i).served().fragment())) {
                return false;
            }
        }
        return true;
    }

    /** {@code "<id>":{"id":"<id>","latest":{"<wire key>":{"timestamp":"…","value":"…"},…}}}. */
    private byte[] fragment(String nodeId, String[] keys, String[] values, long[] stamps) {
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
            out.writeBytes(ascii(TIMESTAMP.format(Instant.ofEpochSecond(stamps[i]))));
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
     * One node as served: its fragment, plus per link only the key, a hash of the value and the
     * time the value was computed. The values themselves live once, inside the fragment, which
     * halves the memory of a node compared with keeping them as strings too.
     */
    private record NodeState(String nodeId, String[] keys, long[] valueHashes, long[] timestamps, ServedNode served) {
        int indexOf(String key) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * A node as the writer sees it.
     *
     * @param fragment its JSON, {@code "id":{…}}
     * @param idHash   the stable hash of its node id, which picks its shard
     * @param entries  its {@code latest} entries (links)
     */
    record ServedNode(byte[] fragment, long idHash, int entries) {
    }
}
