package dev.scopelinks.host.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a plugin report holds, counted the way a person reads Scope's UI: the plugin it names,
 * and per topology its nodes, its link rows (metadata templates of {@code dataType: link}) and
 * the link values on its nodes. It only counts; {@link ReportChecker} judges.
 *
 * @param plugin   the first entry of {@code Plugins}, if the report has one
 * @param topologies per topology key, in name order, what it holds
 */
public record ReportSummary(Optional<Plugin> plugin, Map<String, Topology> topologies) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The plugin spec as written, e.g. {@code scope-links "Links", api_version 1, reporter}. */
    public record Plugin(String id, String label, String apiVersion, List<String> interfaces) {
        public Plugin {
            interfaces = List.copyOf(interfaces);
        }

        @Override
        public String toString() {
            return id + " \"" + label + "\", api_version " + apiVersion + ", " + String.join(", ", interfaces);
        }
    }

    /** One topology: its nodes, its link rows, and the link values set on its nodes. */
    public record Topology(int nodes, int linkRows, int links) {
    }

    public ReportSummary {
        topologies = Map.copyOf(topologies);
    }

    /** The summary of {@code body}; empty when it is not a JSON object at all. */
    public static Optional<ReportSummary> of(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        Map<String, Topology> topologies = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> members = root.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            if (ReportChecker.TOPOLOGY_KEYS.contains(member.getKey()) && member.getValue().isObject()) {
                topologies.put(member.getKey(), topology(member.getValue()));
            }
        }
        return Optional.of(new ReportSummary(plugin(root.path("Plugins")), topologies));
    }

    /** Nodes in every topology together. */
    public int nodes() {
        return topologies.values().stream().mapToInt(Topology::nodes).sum();
    }

    /** Link values on every node together. */
    public int links() {
        return topologies.values().stream().mapToInt(Topology::links).sum();
    }

    /** Link rows (metadata templates) in every topology together. */
    public int linkRows() {
        return topologies.values().stream().mapToInt(Topology::linkRows).sum();
    }

    private static Optional<Plugin> plugin(JsonNode plugins) {
        if (!plugins.isArray() || plugins.isEmpty()) {
            return Optional.empty();
        }
        JsonNode spec = plugins.get(0);
        List<String> interfaces = new ArrayList<>();
        spec.path("interfaces").forEach(item -> interfaces.add(item.asText()));
        return Optional.of(new Plugin(spec.path("id").asText(""), spec.path("label").asText(""),
                spec.path("api_version").asText(""), interfaces));
    }

    private static Topology topology(JsonNode topology) {
        Set<String> linkKeys = new HashSet<>();
        topology.path("metadata_templates").fields().forEachRemaining(entry -> {
            if ("link".equals(entry.getValue().path("dataType").asText())) {
                linkKeys.add(entry.getKey());
            }
        });
        JsonNode nodes = topology.path("nodes");
        int links = 0;
        for (JsonNode node : nodes) {
            Iterator<String> keys = node.path("latest").fieldNames();
            while (keys.hasNext()) {
                if (linkKeys.contains(keys.next())) {
                    links++;
                }
            }
        }
        return new Topology(nodes.isObject() ? nodes.size() : 0, linkKeys.size(), links);
    }
}
