package dev.scopelinks.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerTablesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-01-02T12:00:00Z");
    private final ServerTables tables = new ServerTables(JSON, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void podRowsShowReadyContainersStatusRestartsAndAge() throws Exception {
        JsonNode pod = JSON.readTree("""
                {"kind":"Pod","metadata":{"name":"web-1","namespace":"shop","creationTimestamp":"2026-01-02T11:57:00Z"},
                 "spec":{"containers":[{"name":"a"},{"name":"b"}],"nodeName":"node-1"},
                 "status":{"phase":"Running","podIP":"10.0.0.7","containerStatuses":[
                   {"name":"a","ready":true,"restartCount":1},{"name":"b","ready":false,"restartCount":2}]}}""");

        JsonNode table = tables.table(resource("Pod"), List.of(pod), "meta.k8s.io/v1", "7", null);

        assertThat(columns(table)).containsExactly("Name", "Ready", "Status", "Restarts", "Age", "IP", "Node");
        assertThat(table.path("rows").get(0).path("cells").toString())
                .isEqualTo("[\"web-1\",\"1/2\",\"Running\",3,\"3m\",\"10.0.0.7\",\"node-1\"]");
        assertThat(table.path("rows").get(0).path("object").path("metadata").path("namespace").asText())
                .isEqualTo("shop");
        assertThat(table.path("metadata").path("resourceVersion").asText()).isEqualTo("7");
    }

    @Test
    void deploymentAndServiceRowsShowWhatKubectlShows() throws Exception {
        JsonNode deployment = JSON.readTree("""
                {"kind":"Deployment","metadata":{"name":"web","creationTimestamp":"2026-01-02T09:00:00Z"},
                 "spec":{"replicas":3},"status":{"readyReplicas":2,"updatedReplicas":3,"availableReplicas":2}}""");
        JsonNode service = JSON.readTree("""
                {"kind":"Service","metadata":{"name":"web","creationTimestamp":"2025-12-30T12:00:00Z"},
                 "spec":{"clusterIP":"10.96.0.10","ports":[{"port":80,"protocol":"TCP"},{"port":53,"protocol":"UDP"}]}}""");

        JsonNode deployments = tables.table(resource("Deployment"), List.of(deployment), "meta.k8s.io/v1", null, null);
        JsonNode services = tables.table(resource("Service"), List.of(service), "meta.k8s.io/v1", null, "None");

        assertThat(columns(deployments)).startsWith("Name", "Ready", "Up-to-date", "Available", "Age");
        assertThat(deployments.path("rows").get(0).path("cells").toString()).startsWith("[\"web\",\"2/3\",3,2,\"3h\"");
        assertThat(columns(services)).containsExactly("Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age");
        assertThat(services.path("rows").get(0).path("cells").toString())
                .isEqualTo("[\"web\",\"ClusterIP\",\"10.96.0.10\",\"<none>\",\"80/TCP,53/UDP\",\"3d\"]");
        assertThat(services.path("rows").get(0).has("object")).isFalse();
    }

    @Test
    void otherKindsGetNameAndAge() throws Exception {
        JsonNode configMap = JSON.readTree("""
                {"kind":"ConfigMap","metadata":{"name":"flags","creationTimestamp":"2026-01-02T11:59:15Z"}}""");

        JsonNode table = tables.table(resource("ConfigMap"), List.of(configMap), "meta.k8s.io/v1", null, null);

        assertThat(columns(table)).containsExactly("Name", "Age");
        assertThat(table.path("rows").get(0).path("cells").toString()).isEqualTo("[\"flags\",\"45s\"]");
    }

    @Test
    void answersTheTableVersionTheClientAskedFor() {
        assertThat(ServerTables.wanted("application/json;as=Table;v=v1;g=meta.k8s.io,application/json")).isTrue();
        assertThat(ServerTables.wanted("application/json")).isFalse();
        assertThat(ServerTables.version("application/json;as=Table;v=v1;g=meta.k8s.io,"
                + "application/json;as=Table;v=v1beta1;g=meta.k8s.io")).isEqualTo("meta.k8s.io/v1");
        assertThat(ServerTables.version("application/json;as=Table;v=v1beta1;g=meta.k8s.io"))
                .isEqualTo("meta.k8s.io/v1beta1");
    }

    private static ServedResource resource(String kind) {
        return ServedResource.BUILT_IN.stream().filter(resource -> resource.kind().equals(kind)).findFirst()
                .orElseThrow();
    }

    private static List<String> columns(JsonNode table) {
        List<String> names = new ArrayList<>();
        table.path("columnDefinitions").forEach(column -> names.add(column.path("name").asText()));
        return names;
    }
}
