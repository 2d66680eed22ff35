package dev.scopelinks.bench;

import dev.scopelinks.host.config.ConfigLoader;
import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.plugin.ProviderLoader;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plan.LinkPlanner;
import dev.scopelinks.host.render.ObjectRenderer;
import dev.scopelinks.host.plan.ProviderPlan;
import dev.scopelinks.host.watch.GenericObjectView;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.ProviderContext;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Realistic Pods and a realistic three-link Pod config, shared by the benchmarks. */
final class BenchFixtures {

    static final String CONFIG = """
            apiVersion: scope-links/v1
            cluster: prod-eu-1
            vars:
              dashboard: https://dashboard.example.com
              grafana: https://grafana.example.com
            providers:
              Pod:
                links:
                  - id: dashboard
                    label: Dashboard
                    url: "{{{dashboard}}}/#/pod/{{namespace}}/{{name}}?namespace={{namespace}}"
                  - id: logs
                    label: Logs
                    url: "{{{grafana}}}/explore?orgId=1&left=%7B%22queries%22:%5B%7B%22expr%22:%22%7Bnamespace%3D%5C%22{{namespace}}%5C%22,pod%3D%5C%22{{name}}%5C%22%7D%22%7D%5D%7D"
                  - id: metrics
                    label: Metrics
                    url: "{{{grafana}}}/d/6581e46e4e5c7ba40a07646395ef7b23/k8s-resources-pod?var-cluster={{cluster}}&var-namespace={{namespace}}&var-pod={{name}}"
            """;

    private BenchFixtures() {
    }

    static LinkPlan plan() throws Exception {
        ProviderCatalog catalog = new ProviderLoader(BenchFixtures.class.getClassLoader(), Optional.empty()).load();
        return new LinkPlanner().plan(new ConfigLoader(name -> null).load("bench.yaml", new StringReader(CONFIG)),
                catalog);
    }

    static ObjectRenderer podRenderer(LinkPlan plan, HostMetrics metrics) {
        ProviderPlan pods = plan.providers().get(0);
        return new ObjectRenderer(pods, pods.provider().create(ProviderContext.builder().clusterName("prod-eu-1")
                .build()), metrics);
    }

    /** The {@code index}-th Pod of a synthetic cluster, as the host's watch would deliver it. */
    static KubeObject pod(int index) {
        String namespace = "team-" + (index % 40);
        String workload = "service-" + (index % 997);
        Pod pod = new PodBuilder()
                .withNewMetadata().withName(workload + "-7d4f8b9c6-" + Integer.toString(index, 36))
                .withNamespace(namespace).withUid(new UUID(index, index * 31L).toString())
                .withCreationTimestamp("2026-11-25T10:00:00Z")
                .withLabels(Map.of("app.kubernetes.io/name", workload, "app.kubernetes.io/part-of", "shop",
                        "pod-template-hash", "7d4f8b9c6"))
                .withAnnotations(Map.of("prometheus.io/scrape", "true"))
                .endMetadata()
                .withNewSpec().withNodeName("node-" + (index % 5000))
                .withContainers(new ContainerBuilder().withName("main").withImage("registry.example.com/" + workload
                        + ":1.4.2").build()).endSpec()
                .withNewStatus().withPhase("Running").withPodIP("10." + (index >> 16 & 255) + "." + (index >> 8 & 255)
                        + "." + (index & 255))
                .withContainerStatuses(new ContainerStatusBuilder().withName("main").withRestartCount(0)
                        .withContainerID("containerd://" + Integer.toHexString(index)).build())
                .endStatus().build();
        GenericKubernetesResource generic = Serialization.unmarshal(Serialization.asJson(pod),
                GenericKubernetesResource.class);
        return new GenericObjectView(generic);
    }
}
