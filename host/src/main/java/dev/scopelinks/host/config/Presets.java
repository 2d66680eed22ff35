package dev.scopelinks.host.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The built-in presets. Each expands to a URL template per provider id; the templates use the same
 * variables and encoding helpers an operator would, so they are checked and rendered by the same code.
 * docs/presets.md shows each one with the URL it gives.
 */
public final class Presets {

    private static final Preset.Parameter URL = Preset.Parameter.required("url", "the tool's base URL");
    private static final String DEPLOYMENT = "Deployment";
    private static final String SERVICE = "Service";
    private static final String POD = "Pod";

    /** kube-prometheus' (kubernetes-mixin's) "Kubernetes / Compute Resources / Workload" dashboard. */
    static final String GRAFANA_WORKLOAD_DASHBOARD = "a164a7f0339f99e89cea5cb47e9be617/k8s-resources-workload";
    /** kube-prometheus' (kubernetes-mixin's) "Kubernetes / Compute Resources / Pod" dashboard. */
    static final String GRAFANA_POD_DASHBOARD = "6581e46e4e5c7ba40a07646395ef7b23/k8s-resources-pod";

    private final Map<String, Preset> presets = new LinkedHashMap<>();

    public Presets() {
        add(new Preset("kubernetes-dashboard", "dashboard", "Dashboard", List.of(URL), byKind(
                "%s/#/deployment/{{namespace}}/{{name}}?namespace={{namespace}}",
                "%s/#/service/{{namespace}}/{{name}}?namespace={{namespace}}",
                "%s/#/pod/{{namespace}}/{{name}}?namespace={{namespace}}")));
        add(new Preset("openshift-console", "console", "OpenShift console", List.of(URL), byKind(
                "%s/k8s/ns/{{namespace}}/deployments/{{name}}",
                "%s/k8s/ns/{{namespace}}/services/{{name}}",
                "%s/k8s/ns/{{namespace}}/pods/{{name}}")));
        add(new Preset("rancher", "rancher", "Rancher", List.of(URL,
                Preset.Parameter.required("clusterId", "Rancher's id of the cluster, e.g. c-m-4x7zq2 or local")),
                kinds(Map.of(
                        DEPLOYMENT, (kind, p) -> rancher(p, "apps.deployment"),
                        SERVICE, (kind, p) -> rancher(p, "service"),
                        POD, (kind, p) -> rancher(p, "pod")))));
        add(new Preset("headlamp", "headlamp", "Headlamp", List.of(URL,
                Preset.Parameter.optional("cluster", "main", "Headlamp's name of the cluster (in-cluster: main)")),
                kinds(Map.of(
                        DEPLOYMENT, (kind, p) -> headlamp(p, "deployments"),
                        SERVICE, (kind, p) -> headlamp(p, "services"),
                        POD, (kind, p) -> headlamp(p, "pods")))));
        add(new Preset("grafana-compute-resources", "resources", "CPU and memory", List.of(URL,
                Preset.Parameter.optional("datasource", "", "the Prometheus datasource (var-datasource)"),
                Preset.Parameter.optional("cluster", "", "the dashboard's cluster variable (var-cluster)")),
                kinds(Map.of(
                        DEPLOYMENT, (kind, p) -> p.get("url") + "/d/" + GRAFANA_WORKLOAD_DASHBOARD + "?"
                                + grafanaVars(p) + "var-namespace={{namespace}}&var-type=deployment"
                                + "&var-workload={{name}}",
                        POD, (kind, p) -> p.get("url") + "/d/" + GRAFANA_POD_DASHBOARD + "?" + grafanaVars(p)
                                + "var-namespace={{namespace}}&var-pod={{name}}"))));
        add(new Preset("grafana-explore-loki", "logs", "Logs", List.of(URL,
                Preset.Parameter.required("datasource", "the uid of the Loki datasource"),
                Preset.Parameter.optional("from", "now-1h", "the start of the time range"),
                Preset.Parameter.optional("orgId", "1", "the Grafana organisation")),
                kinds(Map.of(
                        DEPLOYMENT, (kind, p) -> explore(p, "pod=~\\\"{{name}}-.*\\\""),
                        POD, (kind, p) -> explore(p, "pod=\\\"{{name}}\\\"")))));
        add(new Preset("kibana-discover", "kibana", "Kibana", List.of(URL,
                Preset.Parameter.optional("dataView", "", "the id of the data view (index pattern) to search"),
                Preset.Parameter.optional("from", "now-1h", "the start of the time range"),
                Preset.Parameter.optional("namespaceField", "kubernetes.namespace", "the field holding the namespace"),
                Preset.Parameter.optional("podField", "kubernetes.pod.name", "the field holding the Pod's name")),
                kinds(Map.of(POD, (kind, p) -> p.get("url") + "/app/discover#/?_g={{#rison}}(time:(from:"
                        + p.get("from") + ",to:now)){{/rison}}&_a={{#rison}}("
                        + (p.get("dataView").isEmpty() ? "" : "index:'" + p.get("dataView") + "',")
                        + "query:(language:kuery,query:'" + p.get("namespaceField") + ":\"{{namespace}}\" and "
                        + p.get("podField") + ":\"{{name}}\"')){{/rison}}"))));
        add(new Preset("jaeger", "traces", "Traces", List.of(URL,
                Preset.Parameter.optional("serviceLabel", "", "the label holding the traced service's name; "
                        + "without it the object's name is used"),
                Preset.Parameter.optional("lookback", "1h", "how far back to search")),
                kinds(Map.of(
                        DEPLOYMENT, Presets::jaeger, SERVICE, Presets::jaeger, POD, Presets::jaeger))));
        add(new Preset("argocd", "argocd", "Argo CD", List.of(URL,
                Preset.Parameter.optional("instanceLabel", "app.kubernetes.io/instance", "the label Argo CD tracks "
                        + "its application by: app.kubernetes.io/instance or argocd.argoproj.io/instance"),
                Preset.Parameter.optional("appNamespace", "", "the namespace of the Application, when Argo CD "
                        + "manages applications in several namespaces")),
                kinds(Map.of(
                        DEPLOYMENT, Presets::argocd, SERVICE, Presets::argocd, POD, Presets::argocd))));
    }

    public Optional<Preset> find(String name) {
        return Optional.ofNullable(presets.get(name));
    }

    public Map<String, Preset> all() {
        return Collections.unmodifiableMap(presets);
    }

    private void add(Preset preset) {
        presets.put(preset.name(), preset);
    }

    private static Map<String, BiFunction<String, Map<String, String>, String>> byKind(String deployment,
            String service, String pod) {
        return kinds(Map.of(
                DEPLOYMENT, (kind, p) -> deployment.formatted(p.get("url")),
                SERVICE, (kind, p) -> service.formatted(p.get("url")),
                POD, (kind, p) -> pod.formatted(p.get("url"))));
    }

    private static Map<String, BiFunction<String, Map<String, String>, String>> kinds(
            Map<String, BiFunction<String, Map<String, String>, String>> templates) {
        return templates;
    }

    private static String rancher(Map<String, String> p, String type) {
        return p.get("url") + "/dashboard/c/" + p.get("clusterId") + "/explorer/" + type + "/{{namespace}}/{{name}}";
    }

    private static String headlamp(Map<String, String> p, String type) {
        return p.get("url") + "/c/" + p.get("cluster") + "/" + type + "/{{namespace}}/{{name}}";
    }

    private static String grafanaVars(Map<String, String> p) {
        return (p.get("datasource").isEmpty() ? "" : "var-datasource=" + p.get("datasource") + "&")
                + (p.get("cluster").isEmpty() ? "" : "var-cluster=" + p.get("cluster") + "&");
    }

    /** Grafana 10+ Explore: one pane with a Loki query, as JSON in the {@code panes} parameter. */
    private static String explore(Map<String, String> p, String podMatcher) {
        String datasource = p.get("datasource");
        return p.get("url") + "/explore?schemaVersion=1&orgId=" + p.get("orgId") + "&panes={{#json}}{\"a\":{"
                + "\"datasource\":\"" + datasource + "\",\"queries\":[{\"refId\":\"A\",\"datasource\":{\"type\":\"loki\","
                + "\"uid\":\"" + datasource + "\"},\"expr\":\"{namespace=\\\"{{namespace}}\\\"," + podMatcher + "}\"}],"
                + "\"range\":{\"from\":\"" + p.get("from") + "\",\"to\":\"now\"}}}{{/json}}";
    }

    private static String jaeger(String kind, Map<String, String> p) {
        String service = p.get("serviceLabel").isEmpty() ? "{{name}}" : "{{labels." + p.get("serviceLabel") + "}}";
        return p.get("url") + "/search?service=" + service + "&lookback=" + p.get("lookback");
    }

    private static String argocd(String kind, Map<String, String> p) {
        String namespace = p.get("appNamespace").isEmpty() ? "" : p.get("appNamespace") + "/";
        return p.get("url") + "/applications/" + namespace + "{{labels." + p.get("instanceLabel") + "}}";
    }
}
