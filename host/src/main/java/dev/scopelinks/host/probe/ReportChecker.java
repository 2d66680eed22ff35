package dev.scopelinks.host.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopelinks.host.template.UrlCheck;
import dev.scopelinks.spi.ScopeTopology;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges a plugin report the way Weave Scope's probe and app would, from what Scope v1.13.2's
 * code does with it: whether the probe discards it, panics on it, accepts it but ends up with an
 * invalid report, silently ignores part of it, or accepts it while it differs from how scope-links
 * writes reports.
 */
public final class ReportChecker {

    /** How bad a finding is, worst first. */
    public enum Severity {
        /** The probe's process dies. */
        PANIC,
        /** The probe discards the whole report and marks the plugin in error. */
        REJECTED,
        /** Accepted, but the merged report is invalid or shows broken nodes or links. */
        BROKEN,
        /** Accepted, but part of it is silently dropped. */
        IGNORED,
        /** Accepted and shown, but not how scope-links writes reports. */
        STYLE
    }

    /** One finding, at a JSON path. */
    public record Finding(Severity severity, String path, String message) {
        @Override
        public String toString() {
            return severity + " " + path + ": " + message;
        }
    }

    /** Every top-level key Scope's report has for topologies. */
    public static final Set<String> TOPOLOGY_KEYS = Set.of("Endpoint", "Process", "Container", "ContainerImage",
            "Pod", "Service", "Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "CronJob", "Namespace", "Host",
            "Overlay", "PersistentVolume", "PersistentVolumeClaim", "StorageClass", "VolumeSnapshot",
            "VolumeSnapshotData", "Job");

    /** The largest body Scope's probe reads; it refuses anything bigger. */
    public static final long SCOPE_BODY_LIMIT = 50L * 1024 * 1024;

    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final String ZERO_TIME_PREFIX = "0001-01-01T00:00:00";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ScopeTopology> byReportKey = new HashMap<>();

    public ReportChecker() {
        for (ScopeTopology topology : ScopeTopology.values()) {
            byReportKey.put(topology.reportKey(), topology);
        }
    }

    /** Every finding for {@code body} served on the socket of plugin {@code socketPluginId}, worst first. */
    public List<Finding> check(byte[] body, String socketPluginId) {
        List<Finding> findings = new ArrayList<>();
        if (body.length > SCOPE_BODY_LIMIT) {
            findings.add(new Finding(Severity.REJECTED, "$", "body of " + body.length + " bytes exceeds Scope's 50 MB limit"));
            return findings;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            findings.add(new Finding(Severity.REJECTED, "$", "not JSON: " + e.getOriginalMessage()));
            return findings;
        } catch (IOException e) {
            findings.add(new Finding(Severity.REJECTED, "$", "unreadable: " + e.getMessage()));
            return findings;
        }
        if (root == null || !root.isObject()) {
            findings.add(new Finding(Severity.REJECTED, "$", "not a JSON object"));
            return findings;
        }
        checkPlugins(root.get("Plugins"), socketPluginId, findings);
        Iterator<Map.Entry<String, JsonNode>> members = root.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            String key = member.getKey();
            if (key.equals("Plugins")) {
                continue;
            }
            if (key.equals("TS")) {
                findings.add(new Finding(Severity.STYLE, "$.TS", "leave TS out: the merged report keeps the earliest"));
                continue;
            }
            if (!TOPOLOGY_KEYS.contains(key)) {
                String hint = TOPOLOGY_KEYS.stream().filter(known -> known.equalsIgnoreCase(key)
                        || (known + "s").equals(key)).findFirst().map(k -> " (Scope's key is '" + k + "')").orElse("");
                findings.add(new Finding(Severity.IGNORED, "$." + key, "Scope has no topology '" + key
                        + "' and silently ignores it" + hint));
                continue;
            }
            checkTopology(key, member.getValue(), findings);
        }
        findings.sort(Comparator.comparing(Finding::severity));
        return findings;
    }

    /** The worst severity among {@code findings}, or empty when there are none. */
    public static Optional<Severity> worst(List<Finding> findings) {
        return findings.stream().map(Finding::severity).min(Comparator.naturalOrder());
    }

    private static void checkPlugins(JsonNode plugins, String socketPluginId, List<Finding> findings) {
        if (plugins == null || !plugins.isArray() || plugins.size() != 1) {
            int count = plugins == null || !plugins.isArray() ? 0 : plugins.size();
            findings.add(new Finding(Severity.REJECTED, "$.Plugins", "report must contain exactly one plugin (found "
                    + count + ")"));
            return;
        }
        JsonNode spec = plugins.get(0);
        String id = text(spec, "id");
        if (!socketPluginId.equals(id)) {
            findings.add(new Finding(Severity.REJECTED, "$.Plugins[0].id", "plugin must not change its id (is \""
                    + id + "\", should be \"" + socketPluginId + "\")"));
        }
        if (text(spec, "label").isEmpty()) {
            findings.add(new Finding(Severity.REJECTED, "$.Plugins[0].label", "spec must contain a label"));
        }
        JsonNode interfaces = spec.get("interfaces");
        boolean reporter = false;
        if (interfaces != null && interfaces.isArray()) {
            for (JsonNode item : interfaces) {
                reporter |= "reporter".equals(item.asText());
            }
        }
        if (!reporter) {
            findings.add(new Finding(Severity.REJECTED, "$.Plugins[0].interfaces",
                    "spec must implement the \"reporter\" interface"));
        }
        JsonNode apiVersion = spec.get("api_version");
        if (apiVersion == null || !"1".equals(apiVersion.asText())) {
            findings.add(new Finding(Severity.REJECTED, "$.Plugins[0].api_version", "api_version must be \"1\""));
        } else if (!apiVersion.isTextual()) {
            findings.add(new Finding(Severity.STYLE, "$.Plugins[0].api_version",
                    "api_version should be the string \"1\" (Scope coerces the number)"));
        }
    }

    private void checkTopology(String key, JsonNode topology, List<Finding> findings) {
        String path = "$." + key;
        if (!topology.isObject()) {
            findings.add(new Finding(Severity.REJECTED, path, "a topology must be a JSON object"));
            return;
        }
        ScopeTopology known = byReportKey.get(key);
        JsonNode templates = topology.path("metadata_templates");
        Map<String, Boolean> linkKeys = new HashMap<>();
        templates.fields().forEachRemaining(entry -> checkTemplate(path, entry.getKey(), entry.getValue(), linkKeys,
                findings));
        JsonNode nodes = topology.path("nodes");
        if (!nodes.isMissingNode() && !nodes.isObject()) {
            findings.add(new Finding(Severity.REJECTED, path + ".nodes", "nodes must be a JSON object"));
            return;
        }
        if (key.equals("ReplicaSet") && nodes.size() > 0) {
            findings.add(new Finding(Severity.BROKEN, path + ".nodes", "Scope never reports ReplicaSets: these nodes "
                    + "would be drawn as ghosts"));
        }
        nodes.fields().forEachRemaining(entry -> checkNode(key, known, entry.getKey(), entry.getValue(), linkKeys,
                findings));
    }

    private static void checkTemplate(String path, String key, JsonNode template, Map<String, Boolean> linkKeys,
                                      List<Finding> findings) {
        String at = path + ".metadata_templates." + key;
        if (!key.equals(text(template, "id"))) {
            findings.add(new Finding(Severity.IGNORED, at, "template id \"" + text(template, "id")
                    + "\" differs from its key: Scope shows no row for it"));
        }
        if (!"latest".equals(text(template, "from"))) {
            findings.add(new Finding(Severity.IGNORED, at, "from must be \"latest\" for values in a node's latest map"));
        }
        double priority = template.path("priority").asDouble(0);
        if (priority <= 0) {
            findings.add(new Finding(Severity.IGNORED, at, "priority " + priority + ": Scope drops rows at 0"));
        } else if (priority >= 10) {
            findings.add(new Finding(Severity.STYLE, at, "priority " + priority + " hides the row behind 'show more'"));
        }
        linkKeys.put(key, "link".equals(text(template, "dataType")));
    }

    private static void checkNode(String topologyKey, ScopeTopology known, String key, JsonNode node,
                                  Map<String, Boolean> linkKeys, List<Finding> findings) {
        String at = "$." + topologyKey + ".nodes." + key;
        if (!node.isObject()) {
            findings.add(new Finding(Severity.REJECTED, at, "a node must be a JSON object"));
            return;
        }
        JsonNode id = node.get("id");
        if (id == null || !key.equals(id.asText())) {
            findings.add(new Finding(Severity.BROKEN, at, id == null
                    ? "node has no \"id\": Scope files it under an empty id and its report fails validation"
                    : "node id \"" + id.asText() + "\" differs from its key"));
        }
        if (known != null && !key.endsWith(";" + known.tag())) {
            findings.add(new Finding(Severity.BROKEN, at, "a " + topologyKey + " node id must end in ;" + known.tag()
                    + ", or Scope draws a ghost node"));
        }
        JsonNode topology = node.get("topology");
        if (topology != null) {
            String expected = topologyName(topologyKey);
            if (!topology.asText().equals(expected)) {
                findings.add(new Finding(Severity.PANIC, at + ".topology", "\"" + topology.asText()
                        + "\" differs from the probe's own \"" + expected + "\": merging panics the probe"));
            } else {
                findings.add(new Finding(Severity.STYLE, at + ".topology", "leave the topology field out"));
            }
        }
        node.path("latest").fields().forEachRemaining(entry -> {
            String entryAt = at + ".latest." + entry.getKey();
            JsonNode value = entry.getValue();
            JsonNode timestamp = value.get("timestamp");
            if (timestamp == null || !timestamp.isTextual() || !isRfc3339(timestamp.asText())) {
                findings.add(new Finding(Severity.REJECTED, entryAt + ".timestamp", "not an RFC 3339 timestamp with a "
                        + "zone: the probe fails to decode the whole report"));
            } else if (timestamp.asText().startsWith(ZERO_TIME_PREFIX)) {
                findings.add(new Finding(Severity.STYLE, entryAt + ".timestamp", "the zero time loses every merge; "
                        + "use the time the value was computed"));
            }
            JsonNode text = value.get("value");
            if (text == null || !text.isTextual()) {
                findings.add(new Finding(Severity.REJECTED, entryAt + ".value", "value must be a string"));
                return;
            }
            Boolean isLink = linkKeys.get(entry.getKey());
            if (isLink == null) {
                findings.add(new Finding(Severity.IGNORED, entryAt, "no metadata template in this topology: Scope "
                        + "shows no row for it"));
            } else if (isLink && UrlCheck.problem(text.asText()) != null) {
                findings.add(new Finding(Severity.BROKEN, entryAt + ".value", "link \"" + text.asText() + "\" is "
                        + UrlCheck.problem(text.asText())));
            }
        });
    }

    /** The lowercase topology name the probe puts on its own nodes, e.g. {@code daemon_set}. */
    static String topologyName(String reportKey) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < reportKey.length(); i++) {
            char c = reportKey.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                name.append('_');
            }
            name.append(Character.toLowerCase(c));
        }
        return name.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isRfc3339(String text) {
        if (!RFC3339.matcher(text).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
