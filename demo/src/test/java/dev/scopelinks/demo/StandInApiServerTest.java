package dev.scopelinks.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopelinks.standin.StandInCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo API server through the JDK's HTTP client, which knows nothing of fabric8's mock
 * conventions: what it sees is what kubectl and client-go see.
 */
class StandInApiServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StandInCluster cluster;
    private static HttpClient http;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = StandInCluster.start(0);
        new DemoSeed(cluster.client()).seed();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void listsPodsAsATypedPodListWithAResourceVersion() throws Exception {
        HttpResponse<String> response = get("/api/v1/pods?timeout=32s");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode list = JSON.readTree(response.body());
        assertThat(list.path("kind").asText()).isEqualTo("PodList");
        assertThat(list.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(list.path("metadata").path("resourceVersion").asLong()).isPositive();
        assertThat(list.path("items")).isNotEmpty().allSatisfy(pod -> {
            assertThat(pod.path("apiVersion").asText()).isEqualTo("v1");
            assertThat(pod.path("kind").asText()).isEqualTo("Pod");
        });
    }

    @Test
    void listsDeploymentsAsAppsV1DeploymentList() throws Exception {
        JsonNode list = JSON.readTree(get("/apis/apps/v1/namespaces/shop/deployments").body());

        assertThat(list.path("kind").asText()).isEqualTo("DeploymentList");
        assertThat(list.path("apiVersion").asText()).isEqualTo("apps/v1");
        assertThat(names(list)).containsExactly("checkout", "web");
    }

    @Test
    void servesCronJobsAsBatchV1AndV1beta1() throws Exception {
        JsonNode v1 = JSON.readTree(get("/apis/batch/v1/cronjobs").body());
        JsonNode v1beta1 = JSON.readTree(get("/apis/batch/v1beta1/cronjobs").body());

        assertThat(names(v1)).containsExactly("nightly-report");
        assertThat(v1beta1.path("apiVersion").asText()).isEqualTo("batch/v1beta1");
        assertThat(v1beta1.path("items").get(0).path("apiVersion").asText()).isEqualTo("batch/v1beta1");
        assertThat(JSON.readTree(get("/apis/batch/v1beta1").body()).toString()).contains("\"kind\":\"CronJob\"");
    }

    @Test
    void pagesAListWithLimitAndContinue() throws Exception {
        JsonNode first = JSON.readTree(get("/api/v1/pods?limit=2").body());
        String token = first.path("metadata").path("continue").asText();
        JsonNode rest = JSON.readTree(get("/api/v1/pods?limit=100&continue=" + token).body());
        JsonNode all = JSON.readTree(get("/api/v1/pods").body());

        assertThat(first.path("items")).hasSize(2);
        assertThat(first.path("metadata").path("remainingItemCount").asInt()).isEqualTo(all.path("items").size() - 2);
        List<String> paged = new ArrayList<>(names(first));
        paged.addAll(names(rest));
        assertThat(paged).isEqualTo(names(all));
        assertThat(rest.path("metadata").has("continue")).isFalse();
    }

    @Test
    void pagesASelectedListWithoutSkippingOrRepeatingAnObject() throws Exception {
        String selector = "labelSelector=app.kubernetes.io/part-of%3Ddemo-shop";
        JsonNode first = JSON.readTree(get("/api/v1/pods?limit=1&" + selector).body());
        JsonNode rest = JSON.readTree(get("/api/v1/pods?limit=100&" + selector + "&continue="
                + first.path("metadata").path("continue").asText()).body());
        JsonNode all = JSON.readTree(get("/api/v1/pods?" + selector).body());

        List<String> paged = new ArrayList<>(names(first));
        paged.addAll(names(rest));
        assertThat(names(all)).hasSizeGreaterThan(1);
        assertThat(paged).isEqualTo(names(all));
        assertThat(first.path("metadata").has("remainingItemCount")).as("not counted under a selector").isFalse();
    }

    @Test
    void refusesToCreateAnObjectWhoseNameIsTakenAndServesTheChangedOne() throws Exception {
        String configMap = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"limits\"},"
                + "\"data\":{\"max\":\"%s\"}}";
        HttpResponse<String> created = post("/api/v1/namespaces/shop/configmaps", configMap.formatted("1"));
        HttpResponse<String> again = post("/api/v1/namespaces/shop/configmaps", configMap.formatted("2"));
        cluster.client().configMaps().inNamespace("shop").withName("limits").edit(current -> {
            current.getData().put("max", "3");
            return current;
        });

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(get("/api/v1/namespaces/shop/configmaps/limits").body()).path("data").path("max")
                .asText()).isEqualTo("3");
        assertThat(get("/api/v1/namespaces/default/configmaps/limits").statusCode()).isEqualTo(404);
    }

    @Test
    void answersKubectlsTableRequestWithItsColumnsAndEachRowsMetadata() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(cluster.url()
                        + "/api/v1/namespaces/shop/pods?limit=500"))
                .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json")
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

        JsonNode table = JSON.readTree(response.body());
        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
        List<String> columns = new ArrayList<>();
        table.path("columnDefinitions").forEach(column -> columns.add(column.path("name").asText()));
        assertThat(columns).startsWith("Name", "Ready", "Status", "Restarts", "Age");
        assertThat(table.path("rows")).isNotEmpty().allSatisfy(row -> {
            assertThat(row.path("cells").get(2).asText()).isEqualTo("Running");
            assertThat(row.path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");
            assertThat(row.path("object").path("metadata").path("namespace").asText()).isEqualTo("shop");
        });
    }

    @Test
    void selectsByLabelsAndByNameAndNodeFields() throws Exception {
        JsonNode byLabel = JSON.readTree(get("/api/v1/pods?labelSelector="
                + "app.kubernetes.io/name%20in%20(web,grafana),team!=payments").body());
        JsonNode byNode = JSON.readTree(get("/api/v1/pods?fieldSelector=spec.nodeName%3Ddemo-node-2").body());
        JsonNode byName = JSON.readTree(get("/api/v1/nodes?fieldSelector=metadata.name%3Ddemo-node-1").body());

        assertThat(byLabel.path("items")).hasSize(3).allSatisfy(pod -> assertThat(
                pod.path("metadata").path("labels").path("app.kubernetes.io/name").asText()).isIn("web", "grafana"));
        assertThat(byNode.path("items")).isNotEmpty().allSatisfy(pod -> assertThat(
                pod.path("spec").path("nodeName").asText()).isEqualTo("demo-node-2"));
        assertThat(names(byName)).containsExactly("demo-node-1");
    }

    @Test
    void answersAnUnknownGroupWithA404Status() throws Exception {
        HttpResponse<String> response = get("/apis/volumesnapshot.example.com/v1?timeout=32s");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode status = JSON.readTree(response.body());
        assertThat(status.path("kind").asText()).isEqualTo("Status");
        assertThat(status.path("code").asInt()).isEqualTo(404);
        assertThat(status.path("reason").asText()).isEqualTo("NotFound");
    }

    @Test
    void servesDiscoveryForEveryGroupScopeUses() throws Exception {
        JsonNode groups = JSON.readTree(get("/apis").body());

        assertThat(groups.path("kind").asText()).isEqualTo("APIGroupList");
        for (String path : List.of("/api", "/api/v1", "/apis/apps/v1", "/apis/batch/v1", "/apis/batch/v1beta1",
                "/apis/storage.k8s.io/v1")) {
            HttpResponse<String> response = get(path + "?timeout=32s");
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void refusesAnObjectWithoutANameWith422() throws Exception {
        HttpResponse<String> response = post("/api/v1/namespaces/default/configmaps",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{}}");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode status = JSON.readTree(response.body());
        assertThat(status.path("reason").asText()).isEqualTo("Invalid");
        assertThat(status.path("message").asText()).contains("metadata.name");
    }

    @Test
    void assignsUidResourceVersionCreationTimeAndGeneration() throws Exception {
        HttpResponse<String> response = post("/api/v1/namespaces/default/configmaps",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"generateName\":\"settings-\"}}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode metadata = JSON.readTree(response.body()).path("metadata");
        assertThat(metadata.path("name").asText()).matches("settings-[a-z0-9]{5}");
        assertThat(metadata.path("uid").asText()).isNotEmpty();
        assertThat(metadata.path("resourceVersion").asText()).isNotEmpty();
        assertThat(metadata.path("creationTimestamp").asText()).endsWith("Z");
        assertThat(metadata.path("generation").asInt()).isEqualTo(1);
    }

    @Test
    void streamsChangesAfterTheRequestedResourceVersionAsChunkedJsonLines() throws Exception {
        String version = JSON.readTree(get("/api/v1/namespaces/shop/configmaps").body())
                .path("metadata").path("resourceVersion").asText();
        cluster.client().configMaps().inNamespace("default").resource(configMap("elsewhere")).create();
        HttpResponse<InputStream> watch = http.send(request("/api/v1/namespaces/shop/configmaps?watch=true"
                + "&resourceVersion=" + version).build(), HttpResponse.BodyHandlers.ofInputStream());
        BlockingQueue<JsonNode> events = read(watch.body());

        cluster.client().configMaps().inNamespace("shop").resource(configMap("flags")).create();
        cluster.client().configMaps().inNamespace("shop").withName("flags").delete();

        assertThat(watch.statusCode()).isEqualTo(200);
        assertThat(watch.headers().firstValue("Content-Length")).isEmpty();
        JsonNode added = events.poll(10, TimeUnit.SECONDS);
        JsonNode deleted = events.poll(10, TimeUnit.SECONDS);
        assertThat(added).isNotNull();
        assertThat(added.path("type").asText()).isEqualTo("ADDED");
        assertThat(added.path("object").path("kind").asText()).isEqualTo("ConfigMap");
        assertThat(added.path("object").path("metadata").path("name").asText()).isEqualTo("flags");
        assertThat(deleted).isNotNull();
        assertThat(deleted.path("type").asText()).isEqualTo("DELETED");
        assertThat(deleted.path("object").path("metadata").path("resourceVersion").asLong())
                .isGreaterThan(added.path("object").path("metadata").path("resourceVersion").asLong());
        watch.body().close();
    }

    @Test
    void startsAWatchWithoutVersionWithTheCurrentObjects() throws Exception {
        HttpResponse<InputStream> watch = http.send(request("/apis/apps/v1/namespaces/shop/deployments?watch=1")
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        BlockingQueue<JsonNode> events = read(watch.body());

        List<String> names = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            JsonNode event = events.poll(10, TimeUnit.SECONDS);
            assertThat(event).isNotNull();
            assertThat(event.path("type").asText()).isEqualTo("ADDED");
            names.add(event.path("object").path("metadata").path("name").asText());
        }
        assertThat(names).containsExactly("checkout", "web");
        watch.body().close();
    }

    private static ConfigMap configMap(String name) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().addToData("a", "b").build();
    }

    private static BlockingQueue<JsonNode> read(InputStream stream) {
        BlockingQueue<JsonNode> events = new ArrayBlockingQueue<>(100);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    events.add(JSON.readTree(line));
                }
            } catch (Exception e) {
                // the test closed the stream
            }
        }, "watch-reader");
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.path("items").forEach(item -> names.add(item.path("metadata").path("name").asText()));
        return names;
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(cluster.url() + path)).header("Accept", "application/json");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(request(path).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
