package dev.scopelinks.host.report;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.scopelinks.host.render.RenderedNode;
import dev.scopelinks.spi.ScopeTopology;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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
 * bytes. Watch handlers change one object's entry at a time; building the report then only
 * concatenates bytes. A link keeps the timestamp of when its value was last computed, so an
 * unchanged object (a resync, a status-only update) changes nothing and costs no rebuild.
 */
public final class ReportModel {

    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_INSTANT;

    private final Clock clock;
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
     * Replaces the nodes that {@code objectKey} (a provider id and object uid) feeds.
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
        for (List<NodeState> states : topologies.get(topology).values()) {
            for (NodeState state : states) {
                sink.accept(state.fragment());
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
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<NodeState> states = new ArrayList<>(nodes.size());
        for (RenderedNode node : nodes) {
            NodeState old = before.get(node.nodeId());
            Map<String, Stamped> latest = new java.util.LinkedHashMap<>();
            node.links().forEach((key, url) -> {
                Stamped kept = old == null ? null : old.latest().get(key);
                latest.put(key, kept != null && kept.value().equals(url) ? kept : new Stamped(url, now));
            });
            states.add(new NodeState(node.nodeId(), latest, fragment(node.nodeId(), latest)));
        }
        return List.copyOf(states);
    }

    private static boolean sameContent(List<NodeState> previous, List<NodeState> next) {
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

    /** {@code "<id>":{"id":"<id>","latest":{"<key>":{"timestamp":"…","value":"…"},…}}}. */
    private static byte[] fragment(String nodeId, Map<String, Stamped> latest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + latest.size() * 160);
        byte[] id = quoted(nodeId);
        out.writeBytes(id);
        out.writeBytes(ascii(":{\"id\":"));
        out.writeBytes(id);
        out.writeBytes(ascii(",\"latest\":{"));
        boolean first = true;
        for (Map.Entry<String, Stamped> entry : latest.entrySet()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            out.writeBytes(quoted(entry.getKey()));
            out.writeBytes(ascii(":{\"timestamp\":\""));
            out.writeBytes(ascii(TIMESTAMP.format(entry.getValue().timestamp())));
            out.writeBytes(ascii("\",\"value\":"));
            out.writeBytes(quoted(entry.getValue().value()));
            out.write('}');
        }
        out.writeBytes(ascii("}}"));
        return out.toByteArray();
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

    private record Stamped(String value, Instant timestamp) {
    }

    private record NodeState(String nodeId, Map<String, Stamped> latest, byte[] fragment) {
    }
}
