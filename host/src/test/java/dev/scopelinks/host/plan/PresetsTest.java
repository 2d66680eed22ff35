package dev.scopelinks.host.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.host.config.ConfigError;
import dev.scopelinks.host.config.ConfigException;
import dev.scopelinks.host.config.ConfigLoader;
import dev.scopelinks.host.template.RenderResult;
import dev.scopelinks.host.testing.KubeObjects;
import dev.scopelinks.host.testing.TestCatalog;
import dev.scopelinks.host.testing.TestProviderFactory;
import dev.scopelinks.spi.KubeObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden URLs: each preset for a sample object, exactly as docs/presets.md shows them. */
class PresetsTest {

    private static final KubeObject DEPLOYMENT = KubeObjects.fromYaml("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: checkout
              namespace: shop
              uid: 7d0c2f1e-0000-4000-8000-000000000001
              labels: {app.kubernetes.io/name: checkout, app.kubernetes.io/instance: shop-prod,
                       argocd.argoproj.io/instance: shop-argo}
            """);
    private static final KubeObject POD = KubeObjects.fromYaml("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: checkout-7c9d-x2x4z
              namespace: shop
              uid: 7d0c2f1e-0000-4000-8000-000000000002
              labels: {app.kubernetes.io/name: checkout}
            status: {phase: Running}
            """);
    private static final KubeObject SERVICE = KubeObjects.fromYaml("""
            apiVersion: v1
            kind: Service
            metadata: {name: checkout, namespace: shop, uid: 7d0c2f1e-0000-4000-8000-000000000003}
            """);

    private static String render(String kind, String link) throws Exception {
        LinkPlan plan = new LinkPlanner().plan(new ConfigLoader(Map.<String, String>of()::get).load("links.yaml",
                new StringReader("apiVersion: scope-links/v1\nproviders:\n  " + kind + ":\n    links:\n"
                        + link.indent(6))), TestCatalog.load());
        ProviderPlan provider = plan.providers().get(0);
        KubeObject object = switch (kind) {
            case "Deployment" -> DEPLOYMENT;
            case "Pod" -> POD;
            default -> SERVICE;
        };
        var factory = switch (kind) {
            case "Deployment" -> new TestProviderFactory.Deployments();
            case "Pod" -> new TestProviderFactory.Pods();
            default -> new TestProviderFactory.Services();
        };
        Map<String, String> variables = factory.create(null).nodesFor(object).get(0).variables();
        RenderResult result = provider.links().get(0).template().render(variables);
        assertThat(result).isInstanceOf(RenderResult.Rendered.class);
        return ((RenderResult.Rendered) result).url();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            kubernetes-dashboard | Deployment | {url: https://dashboard.example.com} | https://dashboard.example.com/#/deployment/shop/checkout?namespace=shop
            kubernetes-dashboard | Pod        | {url: https://dashboard.example.com/} | https://dashboard.example.com/#/pod/shop/checkout-7c9d-x2x4z?namespace=shop
            kubernetes-dashboard | Service    | {url: https://dashboard.example.com} | https://dashboard.example.com/#/service/shop/checkout?namespace=shop
            openshift-console    | Deployment | {url: https://console.apps.example.com} | https://console.apps.example.com/k8s/ns/shop/deployments/checkout
            openshift-console    | Pod        | {url: https://console.apps.example.com} | https://console.apps.example.com/k8s/ns/shop/pods/checkout-7c9d-x2x4z
            rancher              | Deployment | {url: https://rancher.example.com, clusterId: c-m-4x7zq2} | https://rancher.example.com/dashboard/c/c-m-4x7zq2/explorer/apps.deployment/shop/checkout
            rancher              | Service    | {url: https://rancher.example.com, clusterId: local} | https://rancher.example.com/dashboard/c/local/explorer/service/shop/checkout
            headlamp             | Pod        | {url: https://headlamp.example.com} | https://headlamp.example.com/c/main/pods/shop/checkout-7c9d-x2x4z
            headlamp             | Deployment | {url: https://headlamp.example.com, cluster: prod} | https://headlamp.example.com/c/prod/deployments/shop/checkout
            grafana-compute-resources | Deployment | {url: https://grafana.example.com} | https://grafana.example.com/d/a164a7f0339f99e89cea5cb47e9be617/k8s-resources-workload?var-namespace=shop&var-type=deployment&var-workload=checkout
            grafana-compute-resources | Pod | {url: https://grafana.example.com, datasource: prometheus, cluster: eu-1} | https://grafana.example.com/d/6581e46e4e5c7ba40a07646395ef7b23/k8s-resources-pod?var-datasource=prometheus&var-cluster=eu-1&var-namespace=shop&var-pod=checkout-7c9d-x2x4z
            grafana-explore-loki | Pod        | {url: https://grafana.example.com, datasource: loki-uid} | https://grafana.example.com/explore?schemaVersion=1&orgId=1&panes=%7B%22a%22:%7B%22datasource%22:%22loki-uid%22,%22queries%22:%5B%7B%22refId%22:%22A%22,%22datasource%22:%7B%22type%22:%22loki%22,%22uid%22:%22loki-uid%22%7D,%22expr%22:%22%7Bnamespace%3D%5C%22shop%5C%22,pod%3D%5C%22checkout-7c9d-x2x4z%5C%22%7D%22%7D%5D,%22range%22:%7B%22from%22:%22now-1h%22,%22to%22:%22now%22%7D%7D%7D
            grafana-explore-loki | Deployment | {url: https://grafana.example.com, datasource: loki-uid, from: now-6h} | https://grafana.example.com/explore?schemaVersion=1&orgId=1&panes=%7B%22a%22:%7B%22datasource%22:%22loki-uid%22,%22queries%22:%5B%7B%22refId%22:%22A%22,%22datasource%22:%7B%22type%22:%22loki%22,%22uid%22:%22loki-uid%22%7D,%22expr%22:%22%7Bnamespace%3D%5C%22shop%5C%22,pod%3D~%5C%22checkout-.*%5C%22%7D%22%7D%5D,%22range%22:%7B%22from%22:%22now-6h%22,%22to%22:%22now%22%7D%7D%7D
            kibana-discover      | Pod        | {url: https://kibana.example.com} | https://kibana.example.com/app/discover#/?_g=(time:(from:now-1h,to:now))&_a=(query:(language:kuery,query:'kubernetes.namespace:%22shop%22%20and%20kubernetes.pod.name:%22checkout-7c9d-x2x4z%22'))
            kibana-discover      | Pod        | {url: https://kibana.example.com, dataView: logs-star} | https://kibana.example.com/app/discover#/?_g=(time:(from:now-1h,to:now))&_a=(index:'logs-star',query:(language:kuery,query:'kubernetes.namespace:%22shop%22%20and%20kubernetes.pod.name:%22checkout-7c9d-x2x4z%22'))
            jaeger               | Deployment | {url: https://jaeger.example.com} | https://jaeger.example.com/search?service=checkout&lookback=1h
            jaeger               | Pod        | {url: https://jaeger.example.com, serviceLabel: app.kubernetes.io/name} | https://jaeger.example.com/search?service=checkout&lookback=1h
            argocd               | Deployment | {url: https://argocd.example.com} | https://argocd.example.com/applications/shop-prod
            argocd               | Deployment | {url: https://argocd.example.com, instanceLabel: argocd.argoproj.io/instance, appNamespace: argocd} | https://argocd.example.com/applications/argocd/shop-argo
            """)
    void expandsToTheExactUrl(String preset, String kind, String params, String expected) throws Exception {
        assertThat(render(kind, "- preset: " + preset + "\n  params: " + params)).isEqualTo(expected);
    }

    @Test
    void letsTheConfigOverrideIdLabelAndPriority() throws Exception {
        LinkPlan plan = new LinkPlanner().plan(new ConfigLoader(Map.<String, String>of()::get).load("links.yaml",
                new StringReader("""
                        apiVersion: scope-links/v1
                        providers:
                          Pod:
                            links:
                              - {preset: headlamp, params: {url: "https://h.example.com"}}
                              - {preset: argocd, id: app, label: Application, priority: 5, params: {url: "https://a.example.com"}}
                        """)), TestCatalog.load());

        List<CompiledLink> links = plan.providers().get(0).links();
        assertThat(links).extracting(link -> link.config().id()).containsExactly("headlamp", "app");
        assertThat(links).extracting(link -> link.config().label()).containsExactly("Headlamp", "Application");
        assertThat(links.get(1).config().priority()).isEqualTo(5);
    }

    @Test
    void reportsUnknownPresetsMissingParametersAndUncoveredKinds() {
        List<String> errors;
        try {
            new ConfigLoader(Map.<String, String>of()::get).load("links.yaml", new StringReader("""
                    apiVersion: scope-links/v1
                    providers:
                      Service:
                        links:
                          - {preset: grafana-explore-loki, params: {url: "https://g.example.com", datasource: x}}
                          - {preset: rancher, params: {url: "https://r.example.com"}}
                          - {preset: headlamp, params: {url: "ftp://h.example.com", clustr: x}}
                          - {preset: kibana}
                    """));
            throw new AssertionError("expected errors");
        } catch (ConfigException e) {
            errors = e.errors().stream().map(ConfigError::toString).toList();
        }
        assertThat(errors).containsExactly(
                "links.yaml:5:18: providers.Service.links[0].preset: preset 'grafana-explore-loki' has no link for "
                        + "Service; it covers Deployment, Pod",
                "links.yaml:6:35: providers.Service.links[1].params.clusterId: is required by preset 'rancher': "
                        + "Rancher's id of the cluster, e.g. c-m-4x7zq2 or local",
                "links.yaml:7:42: providers.Service.links[2].params.url: must be an absolute http(s) base URL without "
                        + "query or fragment, e.g. https://grafana.example.com",
                "links.yaml:7:65: providers.Service.links[2].params.clustr: unknown key (did you mean 'cluster'?); "
                        + "known keys here: cluster, url",
                "links.yaml:8:18: providers.Service.links[3].preset: unknown preset 'kibana'; presets: "
                        + "kubernetes-dashboard, openshift-console, rancher, headlamp, grafana-compute-resources, "
                        + "grafana-explore-loki, kibana-discover, jaeger, argocd");
    }

    @Test
    void theHandWrittenTemplateInThePresetsDocRendersLikeThePreset() throws Exception {
        String written = render("Pod", """
                - id: logs
                  label: Logs
                  url: "https://grafana.example.com/explore?schemaVersion=1&orgId=1&panes={{#json}}{\\"a\\":{\\"datasource\\":\\"loki-uid\\",\\"queries\\":[{\\"refId\\":\\"A\\",\\"datasource\\":{\\"type\\":\\"loki\\",\\"uid\\":\\"loki-uid\\"},\\"expr\\":\\"{namespace=\\\\\\"{{namespace}}\\\\\\",pod=\\\\\\"{{name}}\\\\\\"}\\"}],\\"range\\":{\\"from\\":\\"now-1h\\",\\"to\\":\\"now\\"}}}{{/json}}"
                """);

        assertThat(written).isEqualTo(render("Pod",
                "- preset: grafana-explore-loki\n  params: {url: https://grafana.example.com, datasource: loki-uid}"));
    }
}
