package dev.scopelinks.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopelinks.host.HostSettings;
import dev.scopelinks.host.ScopeLinksHost;
import dev.scopelinks.host.config.ConfigLoader;
import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.plugin.ProviderLoader;
import dev.scopelinks.host.probe.ProbeClient;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plan.LinkPlanner;
import dev.scopelinks.host.probe.ReportChecker;
import dev.scopelinks.providers.cronjobs.CronJobLinkProviderFactory;
import dev.scopelinks.providers.daemonsets.DaemonSetLinkProviderFactory;
import dev.scopelinks.providers.deployments.DeploymentLinkProviderFactory;
import dev.scopelinks.providers.jobs.JobLinkProviderFactory;
import dev.scopelinks.providers.namespaces.NamespaceLinkProviderFactory;
import dev.scopelinks.providers.persistentvolumeclaims.PersistentVolumeClaimLinkProviderFactory;
import dev.scopelinks.providers.persistentvolumes.PersistentVolumeLinkProviderFactory;
import dev.scopelinks.providers.pods.PodLinkProviderFactory;
import dev.scopelinks.providers.services.ServiceLinkProviderFactory;
import dev.scopelinks.providers.statefulsets.StatefulSetLinkProviderFactory;
import dev.scopelinks.providers.storageclasses.StorageClassLinkProviderFactory;
import dev.scopelinks.spi.OwnerChain;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.host.report.ReportKeys;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole product against fabric8's mock API server: every shipped provider, one object of each
 * kind, and the report read from the real socket the way Scope's probe reads it.
 */
@Tag("fabric8-mock-server") // watches through fabric8's mock API server: failsafe reruns it (see pom.xml)
@EnableKubernetesMockClient(crud = true)
class AllProvidersIT {

    private static final String CONFIG = """
            apiVersion: scope-links/v1
            plugin: {id: scope-links, label: Links}
            cluster: it
            vars:
              dash: https://dash.example
            providers:
              Deployment:
                links: [{id: dash, label: Dashboard, url: "{{{dash}}}/deployment/{{namespace}}/{{name}}"}]
              Service:
                links: [{id: dash, label: Dashboard, url: "{{{dash}}}/service/{{namespace}}/{{name}}"}]
              Pod:
                links: [{id: dash, label: Dashboard, url: "{{{dash}}}/pod/{{namespace}}/{{name}}?workload={{workloadKind}}/{{workloadName}}&zone={{nodeZone}}"}]
              StatefulSet:
                links: [{id: dash, label: Dashboard, url: "{{{dash}}}/statefulset/{{namespace}}/{{name}}"}]
              DaemonSet:
                links: [{id: dash, label: Dashboard, url: "{{{dash}}}/daemonset/{{namespace}}/{{name}}"}]
              Job:
                links: [{id: dash, label: Dashboard, url: "{{{dash}}}/job/{{namespace}}/{{name}}?cronjob={{ownerName}}"}]
              CronJob:
                links: [{id: dash, label: Dashboard, url: "{{{dash}}}/cronjob/{{namespace}}/{{name}}"}]
              Namespace:
                links: [{id: dash, label: Dashboard, url: "{{{dash}}}/namespace/{{name}}"}]
              PersistentVolume:
                links: [{id: dash, label: Dashboard, url: "{{{dash}}}/pv/{{name}}"}]
              PersistentVolumeClaim:
                links: [{id: dash, label: Dashboard, url: "{{{dash}}}/pvc/{{namespace}}/{{name}}"}]
              StorageClass:
                links: [{id: dash, label: Dashboard, url: "{{{dash}}}/storageclass/{{name}}"}]
              Host:
                links: [{id: console, label: Console, url: "https://console.example/{{zone}}/{{instanceID}}"}]
              Container:
                links: [{id: logs, label: Logs, url: "https://logs.example/{{namespace}}/{{podName}}/{{containerName}}?workload={{workloadName}}"}]
            """;

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path sockets;

    @Test
    void putsLinksOnEveryKindScopeDrawsThroughTheRealSocket() throws Exception {
        // batch/v1beta1 is gone from current clusters; this mock plays one that still serves it.
        server.expectCustomResource(MockObjects.discoverable(CronJobLinkProviderFactory.RESOURCE));
        MockObjects objects = new MockObjects(client);
        Map<ScopeTopology, String> expected = seed(objects);

        ProviderCatalog catalog = new ProviderLoader(getClass().getClassLoader(), Optional.empty()).load();
        LinkPlan plan = new LinkPlanner().plan(new ConfigLoader(name -> null).load("it.yaml", new StringReader(CONFIG)),
                catalog);
        HostSettings settings = new HostSettings(sockets, Duration.ofSeconds(10), Duration.ofSeconds(2),
                Duration.ofMillis(20), Duration.ofSeconds(20), 48L * 1024 * 1024, 8);
        // The client closes after the host and before the mock server goes down, so no watch
        // connection is left for the server's shutdown to wait on.
        try (KubernetesClient cluster = client;
             ScopeLinksHost host = ScopeLinksHost.start(settings, plan, catalog, cluster, new HostMetrics());
             ProbeClient probe = new ProbeClient(host.socketPath(), ProbeClient.PROBE_TIMEOUT, "it-probe")) {
            Map<String, List<String>> wanted = new LinkedHashMap<>();
            expected.forEach((topology, url) -> wanted.put(topology.reportKey(), List.of(nodeIds.get(topology))));
            byte[] body = ReportAssertions.awaitNodes(probe, wanted, Duration.ofSeconds(20));
            JsonNode report = ReportAssertions.parse(body);

            for (Map.Entry<ScopeTopology, String> entry : expected.entrySet()) {
                ScopeTopology topology = entry.getKey();
                JsonNode node = report.path(topology.reportKey()).path("nodes").path(nodeIds.get(topology));
                assertThat(node.path("id").asText()).isEqualTo(nodeIds.get(topology));
                assertThat(node.has("topology")).as("no topology field on %s", topology).isFalse();
                String key = topology == ScopeTopology.HOST ? "scope-links-console"
                        : topology == ScopeTopology.CONTAINER ? "scope-links-logs" : "scope-links-dash";
                assertThat(node.path("latest").path(ReportKeys.wire(key)).path("value").asText()).as(topology.reportKey())
                        .isEqualTo(entry.getValue());
                assertThat(report.path(topology.reportKey()).path("metadata_templates").path(ReportKeys.wire(key))
                        .path("dataType").asText()).isEqualTo("link");
            }
            assertThat(report.has("ReplicaSet")).as("Scope never draws ReplicaSets").isFalse();
            assertThat(EnumSet.allOf(ScopeTopology.class)).filteredOn(t -> report.has(t.reportKey()))
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            assertThat(new ReportChecker().check(body, "scope-links")).isEmpty();
            assertThat(host.readiness()).doesNotContain("degraded");
            assertThat(plan.watchedResources()).contains(OwnerChain.REPLICA_SETS, OwnerChain.JOBS,
                    PodLinkProviderFactory.NODES);
        }
    }

    private final Map<ScopeTopology, String> nodeIds = new LinkedHashMap<>();

    /** One object of each kind; returns the URL each topology's node must carry. */
    private Map<ScopeTopology, String> seed(MockObjects objects) {
        Map<ScopeTopology, String> urls = new LinkedHashMap<>();
        String ns = uid(objects.create(NamespaceLinkProviderFactory.RESOURCE, """
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop, uid: 11111111-0000-4000-8000-000000000001}
                """));
        expect(ScopeTopology.NAMESPACE, ns, urls, "https://dash.example/namespace/shop");
        objects.create(PodLinkProviderFactory.NODES, """
                apiVersion: v1
                kind: Node
                metadata:
                  name: worker-1
                  uid: 11111111-0000-4000-8000-000000000002
                  labels: {topology.kubernetes.io/zone: eu-west-1a}
                spec: {providerID: "aws:///eu-west-1a/i-0abc123"}
                """);
        nodeIds.put(ScopeTopology.HOST, "worker-1;<host>");
        urls.put(ScopeTopology.HOST, "https://console.example/eu-west-1a/i-0abc123");
        String deployment = uid(objects.create(DeploymentLinkProviderFactory.DEPLOYMENTS, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop, uid: 11111111-0000-4000-8000-000000000003}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: web}}
                """));
        expect(ScopeTopology.DEPLOYMENT, deployment, urls, "https://dash.example/deployment/shop/web");
        String replicaSet = uid(objects.create(OwnerChain.REPLICA_SETS, """
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: web-7d4f8b
                  namespace: shop
                  uid: 11111111-0000-4000-8000-000000000004
                  ownerReferences:
                    - {apiVersion: apps/v1, kind: Deployment, name: web, uid: %s, controller: true}
                """.formatted(deployment)));
        String pod = uid(objects.create(PodLinkProviderFactory.PODS, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web-7d4f8b-x2k9p
                  namespace: shop
                  uid: 11111111-0000-4000-8000-000000000005
                  ownerReferences:
                    - {apiVersion: apps/v1, kind: ReplicaSet, name: web-7d4f8b, uid: %s, controller: true}
                spec: {nodeName: worker-1}
                status:
                  phase: Running
                  containerStatuses:
                    - {name: web, image: "nginx:1.27", containerID: "containerd://4f9c2a7be1d0", restartCount: 0, ready: true}
                """.formatted(replicaSet)));
        expect(ScopeTopology.POD, pod, urls,
                "https://dash.example/pod/shop/web-7d4f8b-x2k9p?workload=Deployment/web&zone=eu-west-1a");
        nodeIds.put(ScopeTopology.CONTAINER, "4f9c2a7be1d0;<container>");
        urls.put(ScopeTopology.CONTAINER, "https://logs.example/shop/web-7d4f8b-x2k9p/web?workload=web");
        expect(ScopeTopology.SERVICE, uid(objects.create(ServiceLinkProviderFactory.SERVICES, """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop, uid: 11111111-0000-4000-8000-000000000006}
                spec: {selector: {app: web}}
                """)), urls, "https://dash.example/service/shop/web");
        expect(ScopeTopology.STATEFUL_SET, uid(objects.create(StatefulSetLinkProviderFactory.RESOURCE, """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: shop, uid: 11111111-0000-4000-8000-000000000007}
                spec: {serviceName: db, selector: {matchLabels: {app: db}}}
                """)), urls, "https://dash.example/statefulset/shop/db");
        expect(ScopeTopology.DAEMON_SET, uid(objects.create(DaemonSetLinkProviderFactory.RESOURCE, """
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent, namespace: shop, uid: 11111111-0000-4000-8000-000000000008}
                spec: {selector: {matchLabels: {app: agent}}}
                """)), urls, "https://dash.example/daemonset/shop/agent");
        String cronJob = uid(objects.create(CronJobLinkProviderFactory.RESOURCE, """
                apiVersion: batch/v1beta1
                kind: CronJob
                metadata: {name: backup, namespace: shop, uid: 11111111-0000-4000-8000-000000000009}
                spec: {schedule: "0 2 * * *"}
                """));
        expect(ScopeTopology.CRON_JOB, cronJob, urls, "https://dash.example/cronjob/shop/backup");
        expect(ScopeTopology.JOB, uid(objects.create(JobLinkProviderFactory.RESOURCE, """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: backup-29012345
                  namespace: shop
                  uid: 11111111-0000-4000-8000-000000000010
                  ownerReferences:
                    - {apiVersion: batch/v1beta1, kind: CronJob, name: backup, uid: %s, controller: true}
                """.formatted(cronJob))), urls, "https://dash.example/job/shop/backup-29012345?cronjob=backup");
        expect(ScopeTopology.PERSISTENT_VOLUME, uid(objects.create(PersistentVolumeLinkProviderFactory.RESOURCE, """
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: pv-1, uid: 11111111-0000-4000-8000-000000000011}
                spec: {capacity: {storage: 1Gi}, storageClassName: fast}
                """)), urls, "https://dash.example/pv/pv-1");
        expect(ScopeTopology.PERSISTENT_VOLUME_CLAIM, uid(objects.create(
                PersistentVolumeClaimLinkProviderFactory.RESOURCE, """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data-db-0, namespace: shop, uid: 11111111-0000-4000-8000-000000000012}
                spec: {volumeName: pv-1}
                """)), urls, "https://dash.example/pvc/shop/data-db-0");
        expect(ScopeTopology.STORAGE_CLASS, uid(objects.create(StorageClassLinkProviderFactory.RESOURCE, """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: fast, uid: 11111111-0000-4000-8000-000000000013}
                provisioner: ebs.csi.aws.com
                """)), urls, "https://dash.example/storageclass/fast");
        assertThat(urls.keySet()).as("every topology scope-links ships a provider for")
                .containsAll(Set.copyOf(EnumSet.complementOf(EnumSet.of(ScopeTopology.VOLUME_SNAPSHOT,
                        ScopeTopology.VOLUME_SNAPSHOT_DATA))));
        return urls;
    }

    private void expect(ScopeTopology topology, String uid, Map<ScopeTopology, String> urls, String url) {
        nodeIds.put(topology, topology.nodeId(uid));
        urls.put(topology, url);
    }

    private static String uid(GenericKubernetesResource created) {
        return created.getMetadata().getUid();
    }
}
