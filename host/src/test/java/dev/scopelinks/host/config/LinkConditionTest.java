package dev.scopelinks.host.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.host.testing.KubeObjects;
import dev.scopelinks.spi.KubeObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkConditionTest {

    private static LinkCondition when(String when) throws ConfigException {
        ScopeLinksConfig config = new ConfigLoader(Map.<String, String>of()::get).load("links.yaml", new StringReader("""
                apiVersion: scope-links/v1
                providers:
                  Pod:
                    links:
                      - id: a
                        label: A
                        url: https://a.example.com/
                        when:
                """ + when.indent(10)));
        return config.providers().get("Pod").links().get(0).when();
    }

    private static List<String> errors(String when) {
        try {
            when(when);
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::toString).toList();
        }
        throw new AssertionError("expected an error");
    }

    private static KubeObject pod(String namespace, String labels, String annotations, String phase) {
        return KubeObjects.fromYaml("""
                apiVersion: v1
                kind: Pod
                metadata: {name: web-1, namespace: %s, uid: u1, labels: {%s}, annotations: {%s}}
                status: {phase: %s}
                """.formatted(namespace, labels, annotations, phase));
    }

    @Test
    void includesAndExcludesNamespacesByNameAndGlob() throws Exception {
        LinkCondition condition = when("""
                namespaces: [shop, "team-*"]
                excludeNamespaces: ["team-test?"]
                """);

        assertThat(condition.test(pod("shop", "", "", "Running"))).isTrue();
        assertThat(condition.test(pod("team-a", "", "", "Running"))).isTrue();
        assertThat(condition.test(pod("team-test1", "", "", "Running"))).isFalse();
        assertThat(condition.test(pod("billing", "", "", "Running"))).isFalse();
    }

    @Test
    void appliesALabelSelector() throws Exception {
        LinkCondition condition = when("selector: \"app=web,tier!=db,env in (prod,stage),!canary\"");

        assertThat(condition.test(pod("shop", "app: web, env: prod", "", "Running"))).isTrue();
        assertThat(condition.test(pod("shop", "app: web, env: prod, canary: 'yes'", "", "Running"))).isFalse();
    }

    @Test
    void checksAnnotationsPresentOrEqual() throws Exception {
        LinkCondition condition = when("""
                annotations:
                  prometheus.io/scrape: "true"
                  example.com/runbook:
                """);
        assertThat(condition.annotations()).containsOnly(
                Map.entry("prometheus.io/scrape", Optional.of("true")),
                Map.entry("example.com/runbook", Optional.empty()));
        assertThat(pod("shop", "", "prometheus.io/scrape: 'true', example.com/runbook: x", "Running").annotations())
                .containsEntry("example.com/runbook", "x");

        assertThat(condition.test(pod("shop", "", "prometheus.io/scrape: 'true', example.com/runbook: x", "Running")))
                .isTrue();
        assertThat(condition.test(pod("shop", "", "prometheus.io/scrape: 'false', example.com/runbook: x", "Running")))
                .isFalse();
        assertThat(condition.test(pod("shop", "", "prometheus.io/scrape: 'true'", "Running"))).isFalse();
    }

    @Test
    void checksPodPhase() throws Exception {
        LinkCondition condition = when("phases: [Running, Pending]");

        assertThat(condition.test(pod("shop", "", "", "Pending"))).isTrue();
        assertThat(condition.test(pod("shop", "", "", "Succeeded"))).isFalse();
    }

    @Test
    void reportsAnInvalidSelectorAtTheExactColumnInsideTheQuotedValue() {
        assertThat(errors("selector: \"app=web,env in prod\"")).singleElement().asString()
                .startsWith("links.yaml:9:37: providers.Pod.links[0].when.selector: invalid label selector: "
                        + "expected '(' to start the list of values, found 'p'");
        assertThat(errors("selector: app=web,,x")).singleElement().asString()
                .startsWith("links.yaml:9:29: providers.Pod.links[0].when.selector: invalid label selector: "
                        + "expected a label key, found ','");
    }

    @Test
    void reportsBadNamespacesPhasesAndKeys() {
        assertThat(errors("""
                namespaces: [Shop_1]
                phases: [running]
                labels: {app: web}
                """)).containsExactly(
                "links.yaml:9:24: providers.Pod.links[0].when.namespaces[0]: 'Shop_1' is not a namespace name or glob "
                        + "(lower-case letters, digits, '-', and * or ? as wildcards)",
                "links.yaml:10:20: providers.Pod.links[0].when.phases[0]: 'running' is not a Pod phase (did you mean "
                        + "'Running'?); phases: Failed, Pending, Running, Succeeded, Unknown",
                "links.yaml:11:11: providers.Pod.links[0].when.labels: unknown key; known keys "
                        + "here: annotations, excludeNamespaces, namespaces, phases, selector");
    }
}
