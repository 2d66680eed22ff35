package dev.scopelinks.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Server-side tables, what {@code kubectl get} asks for ({@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}):
 * the columns a real API server prints for Pods (READY, STATUS, RESTARTS, AGE), Deployments (READY,
 * UP-TO-DATE, AVAILABLE), ReplicaSets, Services (TYPE, CLUSTER-IP, EXTERNAL-IP, PORT(S)), Jobs, Nodes and
 * Namespaces, and NAME and AGE for every other kind. Columns of priority 1 are the ones {@code -o wide} adds.
 *
 * <p>Example: {@code tables.table(resource, List.of(pod), "42", "Metadata")} gives a Table with one row.
 */
final class ServerTables {

    private final ObjectMapper json;
    private final Clock clock;

    ServerTables(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Whether an {@code Accept} header asks for a table (kubectl lists the Table first, plain JSON as a fallback). */
    static boolean wanted(String accept) {
        return accept != null && accept.contains("as=Table");
    }

    /** The Table version the client asked for: {@code meta.k8s.io/v1} unless it named only v1beta1. */
    static String version(String accept) {
        boolean v1 = accept.contains("as=Table;v=v1;") || accept.contains("as=Table;v=v1,")
                || accept.endsWith("as=Table;v=v1");
        return v1 || !accept.contains("v=v1beta1") ? "meta.k8s.io/v1" : "meta.k8s.io/v1beta1";
    }

    /**
     * A table of {@code objects} of {@code resource}.
     *
     * @param includeObject the client's {@code includeObject}: {@code None}, {@code Object}, or (the default)
     *                      {@code Metadata}, which puts each object's metadata in its row, as kubectl needs for
     *                      the NAMESPACE column
     */
    ObjectNode table(ServedResource resource, List<JsonNode> objects, String apiVersion, String resourceVersion,
                     String includeObject) {
        List<Column> columns = columns(resource.kind());
        ObjectNode table = json.createObjectNode().put("kind", "Table").put("apiVersion", apiVersion);
        ObjectNode metadata = table.putObject("metadata");
        if (resourceVersion != null) {
            metadata.put("resourceVersion", resourceVersion);
        }
        ArrayNode definitions = table.putArray("columnDefinitions");
        for (Column column : columns) {
            definitions.addObject().put("name", column.name()).put("type", column.type())
                    .put("format", column.name().equals("Name") ? "name" : "").put("description", column.name())
                    .put("priority", column.priority());
        }
        ArrayNode rows = table.putArray("rows");
        Instant now = clock.instant();
        for (JsonNode object : objects) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            for (Column column : columns) {
                Object cell = column.cell().apply(new Cell(object, now));
                if (cell instanceof Integer number) {
                    cells.add(number);
                } else {
                    cells.add(String.valueOf(cell));
                }
            }
            if ("Object".equals(includeObject)) {
                row.set("object", object);
            } else if (!"None".equals(includeObject)) {
                ObjectNode partial = row.putObject("object").put("kind", "PartialObjectMetadata")
                        .put("apiVersion", "meta.k8s.io/v1");
                partial.set("metadata", object.path("metadata"));
            }
        }
        return table;
    }

    private static List<Column> columns(String kind) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("Name", "string", 0, cell -> text(cell.object(), "metadata", "name")));
        switch (kind) {
            case "Pod" -> {
                columns.add(new Column("Ready", "string", 0, cell -> readyContainers(cell.object())));
                columns.add(new Column("Status", "string", 0, cell -> podStatus(cell.object())));
                columns.add(new Column("Restarts", "string", 0, cell -> restarts(cell.object())));
                columns.add(age());
                columns.add(new Column("IP", "string", 1, cell -> orNone(text(cell.object(), "status", "podIP"))));
                columns.add(new Column("Node", "string", 1, cell -> orNone(text(cell.object(), "spec", "nodeName"))));
            }
            case "Deployment" -> {
                columns.add(new Column("Ready", "string", 0, cell -> number(cell.object(), "status", "readyReplicas")
                        + "/" + replicas(cell.object())));
                columns.add(new Column("Up-to-date", "integer", 0,
                        cell -> number(cell.object(), "status", "updatedReplicas")));
                columns.add(new Column("Available", "integer", 0,
                        cell -> number(cell.object(), "status", "availableReplicas")));
                columns.add(age());
                columns.add(new Column("Containers", "string", 1, cell -> containers(cell.object(), "name")));
                columns.add(new Column("Images", "string", 1, cell -> containers(cell.object(), "image")));
            }
            case "ReplicaSet" -> {
                columns.add(new Column("Desired", "integer", 0, cell -> replicas(cell.object())));
                columns.add(new Column("Current", "integer", 0, cell -> number(cell.object(), "status", "replicas")));
                columns.add(new Column("Ready", "integer", 0,
                        cell -> number(cell.object(), "status", "readyReplicas")));
                columns.add(age());
            }
            case "StatefulSet" -> {
                columns.add(new Column("Ready", "string", 0, cell -> number(cell.object(), "status", "readyReplicas")
                        + "/" + replicas(cell.object())));
                columns.add(age());
            }
            case "DaemonSet" -> {
                columns.add(new Column("Desired", "integer", 0,
                        cell -> number(cell.object(), "status", "desiredNumberScheduled")));
                columns.add(new Column("Current", "integer", 0,
                        cell -> number(cell.object(), "status", "currentNumberScheduled")));
                columns.add(new Column("Ready", "integer", 0, cell -> number(cell.object(), "status", "numberReady")));
                columns.add(age());
            }
            case "Service" -> {
                columns.add(new Column("Type", "string", 0, cell -> orDefault(text(cell.object(), "spec", "type"),
                        "ClusterIP")));
                columns.add(new Column("Cluster-IP", "string", 0,
                        cell -> orNone(text(cell.object(), "spec", "clusterIP"))));
                columns.add(new Column("External-IP", "string", 0, cell -> externalIps(cell.object())));
                columns.add(new Column("Port(s)", "string", 0, cell -> ports(cell.object())));
                columns.add(age());
            }
            case "Job" -> {
                columns.add(new Column("Completions", "string", 0, cell -> number(cell.object(), "status", "succeeded")
                        + "/" + orDefault(text(cell.object(), "spec", "completions"), "1")));
                columns.add(age());
            }
            case "Node" -> {
                columns.add(new Column("Status", "string", 0, cell -> nodeStatus(cell.object())));
                columns.add(age());
                columns.add(new Column("Version", "string", 0,
                        cell -> orDefault(text(cell.object(), "status", "nodeInfo", "kubeletVersion"), "")));
            }
            case "Namespace" -> {
                columns.add(new Column("Status", "string", 0, cell -> orDefault(text(cell.object(), "status", "phase"),
                        "Active")));
                columns.add(age());
            }
            default -> columns.add(age());
        }
        return columns;
    }

    private static Column age() {
        return new Column("Age", "string", 0, cell -> age(cell.object(), cell.now()));
    }

    /** kubectl's short ages: 45s, 3m12s, 47m, 5h3m, 2d4h, 12d. */
    static String age(JsonNode object, Instant now) {
        String created = text(object, "metadata", "creationTimestamp");
        if (created == null) {
            return "<unknown>";
        }
        Duration age;
        try {
            age = Duration.between(Instant.parse(created), now);
        } catch (DateTimeParseException e) {
            return "<unknown>";
        }
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            return minutes + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 8) {
            return hours + "h" + (minutes % 60 == 0 ? "" : minutes % 60 + "m");
        }
        if (hours < 48) {
            return hours + "h";
        }
        long days = hours / 24;
        return days < 8 ? days + "d" + (hours % 24 == 0 ? "" : hours % 24 + "h") : days + "d";
    }

    private static String readyContainers(JsonNode pod) {
        int ready = 0;
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            if (status.path("ready").asBoolean(false)) {
                ready++;
            }
        }
        return ready + "/" + pod.path("spec").path("containers").size();
    }

    private static String podStatus(JsonNode pod) {
        if (pod.path("metadata").hasNonNull("deletionTimestamp")) {
            return "Terminating";
        }
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            String waiting = text(status, "state", "waiting", "reason");
            if (waiting != null) {
                return waiting;
            }
        }
        return orDefault(text(pod, "status", "phase"), "Pending");
    }

    private static int restarts(JsonNode pod) {
        int restarts = 0;
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            restarts += status.path("restartCount").asInt(0);
        }
        return restarts;
    }

    private static String nodeStatus(JsonNode node) {
        for (JsonNode condition : node.path("status").path("conditions")) {
            if ("Ready".equals(condition.path("type").asText())) {
                return "True".equals(condition.path("status").asText()) ? "Ready" : "NotReady";
            }
        }
        return "Unknown";
    }

    private static String externalIps(JsonNode service) {
        List<String> ips = new ArrayList<>();
        service.path("status").path("loadBalancer").path("ingress")
                .forEach(ingress -> ips.add(ingress.path("ip").asText(ingress.path("hostname").asText())));
        service.path("spec").path("externalIPs").forEach(ip -> ips.add(ip.asText()));
        if (!ips.isEmpty()) {
            return String.join(",", ips);
        }
        return "LoadBalancer".equals(text(service, "spec", "type")) ? "<pending>" : "<none>";
    }

    private static String ports(JsonNode service) {
        List<String> ports = new ArrayList<>();
        for (JsonNode port : service.path("spec").path("ports")) {
            String protocol = port.path("protocol").asText("TCP");
            String nodePort = port.hasNonNull("nodePort") ? ":" + port.path("nodePort").asInt() : "";
            ports.add(port.path("port").asInt() + nodePort + "/" + protocol.toUpperCase(Locale.ROOT));
        }
        return ports.isEmpty() ? "<none>" : String.join(",", ports);
    }

    private static String containers(JsonNode workload, String field) {
        List<String> values = new ArrayList<>();
        workload.path("spec").path("template").path("spec").path("containers")
                .forEach(container -> values.add(container.path(field).asText()));
        return String.join(",", values);
    }

    private static int replicas(JsonNode workload) {
        JsonNode replicas = workload.path("spec").path("replicas");
        return replicas.isMissingNode() || replicas.isNull() ? 1 : replicas.asInt();
    }

    private static int number(JsonNode object, String... path) {
        String value = text(object, path);
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String text(JsonNode object, String... path) {
        JsonNode node = object;
        for (String step : path) {
            node = node.path(step);
        }
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static String orNone(String value) {
        return value == null || value.isEmpty() ? "<none>" : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    private record Cell(JsonNode object, Instant now) {
    }

    private record Column(String name, String type, int priority, Function<Cell, Object> cell) {
    }
}
