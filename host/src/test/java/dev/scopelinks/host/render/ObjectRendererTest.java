package dev.scopelinks.host.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.host.config.ConfigLoader;
import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plan.LinkPlanner;
import dev.scopelinks.host.plan.ProviderPlan;
import dev.scopelinks.host.testing.KubeObjects;
import dev.scopelinks.host.testing.TestCatalog;
import dev.scopelinks.host.testing.TestProviderFactory;
import dev.scopelinks.spi.KubeObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectRendererTest {

    private final List<String> skips = new ArrayList<>();

    private ObjectRenderer renderer(String yaml) throws Exception {
        return renderer(yaml, (provider, link, object, skipped) -> skips.add(provider + "/" + link + " "
                + skipped.reason()));
    }

    private ObjectRenderer renderer(String yaml, SkipListener listener) throws Exception {
        LinkPlan plan = new LinkPlanner().plan(new ConfigLoader(Map.<String, String>of()::get)
                .load("links.yaml", new StringReader(yaml)), TestCatalog.load());
        ProviderPlan pods = plan.providers().stream().filter(p -> p.id().equals("Pod")).findFirst().orElseThrow();
        return new ObjectRenderer(pods, new TestProviderFactory.Pods().create(null), listener);
    }

    private static final String SLOTS = """
            apiVersion: scope-links/v1
            annotationLinks:
              prefix: links.example.com
              slots:
                - {id: runbook, label: Runbook, priority: 6, kinds: [Pod]}
                - {id: oncall, label: On call, priority: 7, kinds: [Pod]}
                - {id: dashboard, label: Dashboard, priority: 8, kinds: [Pod]}
                - {id: docs, label: Docs, priority: 9, kinds: [Pod]}
            providers:
              Pod:
                links:
                  - {id: logs, label: Logs, url: "https://l.example.com/{{name}}", priority: 1}
            """;

    /** Annotation values that would read as a link to somewhere else than where they go. */
    private static final String MISLEADING = """
            links.example.com/runbook: "https://ok.example.com@evil.example/",
            links.example.com/oncall: "https://ex\\u0430mple.com/pager",
            links.example.com/dashboard: "https://wiki.example.com/\\u202Egpj.exe",
            links.example.com/docs: "https://b\\u00FCcher.example/faq"
            """;

    private static KubeObject pod(String namespace, String labels, String annotations) {
        return KubeObjects.fromYaml("""
                apiVersion: v1
                kind: Pod
                metadata: {name: web-1, namespace: %s, uid: u1, labels: {%s}, annotations: {%s}}
                status: {phase: Running}
                """.formatted(namespace, labels, annotations));
    }

    private static Map<String, String> links(List<RenderedNode> nodes) {
        return nodes.isEmpty() ? Map.of() : nodes.get(0).links();
    }

    @Test
    void givesALinkOnlyToObjectsItsConditionSelectsWithoutCountingTheOthersAsSkipped() throws Exception {
        ObjectRenderer renderer = renderer("""
                apiVersion: scope-links/v1
                providers:
                  Pod:
                    links:
                      - {id: all, label: All, url: "https://a.example.com/{{name}}"}
                      - id: prod
                        label: Prod
                        url: "https://p.example.com/{{name}}"
                        when: {namespaces: ["prod-*"], selector: "app=web,!canary", phases: [Running]}
                """);

        assertThat(links(renderer.render(pod("prod-eu", "app: web", "")))).containsOnlyKeys("scope-links-all",
                "scope-links-prod");
        assertThat(links(renderer.render(pod("prod-eu", "app: web, canary: 'y'", "")))).containsOnlyKeys(
                "scope-links-all");
        assertThat(links(renderer.render(pod("dev", "app: web", "")))).containsOnlyKeys("scope-links-all");
        assertThat(skips).isEmpty();
    }

    @Test
    void servesAnnotationLinksAsWrittenOnlyInDeclaredSlotsAndAllowedNamespaces() throws Exception {
        ObjectRenderer renderer = renderer("""
                apiVersion: scope-links/v1
                annotationLinks:
                  prefix: links.example.com
                  maxLength: 64
                  slots:
                    - {id: runbook, label: Runbook, priority: 8, kinds: [Pod]}
                    - {id: oncall, label: On call, priority: 9, kinds: [Pod], namespaces: [shop]}
                providers:
                  Pod:
                    links:
                      - {id: logs, label: Logs, url: "https://l.example.com/{{name}}", priority: 1}
                """);

        Map<String, String> links = links(renderer.render(pod("shop", "", """
                links.example.com/runbook: "https://wiki.example.com/%7B%7Bname%7D%7D?a=1&b=2",
                links.example.com/oncall: "https://pager.example.com/shop",
                links.example.com/dashboard: "https://elsewhere.example.com/"
                """)));

        assertThat(links).containsExactly(Map.entry("scope-links-logs", "https://l.example.com/web-1"),
                Map.entry("scope-links-runbook", "https://wiki.example.com/%7B%7Bname%7D%7D?a=1&b=2"),
                Map.entry("scope-links-oncall", "https://pager.example.com/shop"));
        assertThat(skips).containsExactly("Pod/annotations undeclared-slot");

        skips.clear();
        Map<String, String> other = links(renderer.render(pod("billing", "", """
                links.example.com/runbook: "javascript:alert(1)",
                links.example.com/oncall: "https://pager.example.com/billing"
                """)));
        assertThat(other).containsOnlyKeys("scope-links-logs");
        assertThat(skips).containsExactly("Pod/runbook invalid-annotation", "Pod/oncall namespace-not-allowed");

        skips.clear();
        renderer.render(pod("shop", "", "links.example.com/runbook: \"https://wiki.example.com/" + "x".repeat(60) + "\""));
        assertThat(skips).containsExactly("Pod/runbook invalid-annotation");
    }

    @Test
    void leavesOffAnnotationLinksThatReadAsAnotherHostAndServesInternationalHostsInPunycode() throws Exception {
        ObjectRenderer renderer = renderer(SLOTS);

        Map<String, String> links = links(renderer.render(pod("shop", "", MISLEADING)));

        assertThat(links).containsExactly(Map.entry("scope-links-logs", "https://l.example.com/web-1"),
                Map.entry("scope-links-docs", "https://xn--bcher-kva.example/faq"));
        assertThat(skips).containsExactly("Pod/runbook unsafe-link:userinfo", "Pod/oncall unsafe-link:look-alike-host",
                "Pod/dashboard unsafe-link:bidi");
    }

    @Test
    void countsEveryRefusedLinkByItsReason() throws Exception {
        HostMetrics metrics = new HostMetrics();
        ObjectRenderer renderer = renderer(SLOTS, metrics);

        renderer.render(pod("shop", "", MISLEADING));
        renderer.render(pod("shop", "", MISLEADING));

        ByteArrayOutputStream scrape = new ByteArrayOutputStream();
        metrics.writeTo(scrape);
        assertThat(scrape.toString(StandardCharsets.UTF_8))
                .contains("scope_links_links_skipped_total{link=\"runbook\",provider=\"Pod\",reason=\"unsafe-link:userinfo\"} 2.0")
                .contains("scope_links_links_skipped_total{link=\"dashboard\",provider=\"Pod\",reason=\"unsafe-link:bidi\"} 2.0")
                .contains("reason=\"unsafe-link:look-alike-host\"} 2.0");
    }

    @Test
    void putsTheRowsOfSlotsAfterTheLinksInTheProviderPlan() throws Exception {
        ObjectRenderer renderer = renderer("""
                apiVersion: scope-links/v1
                annotationLinks:
                  slots: [{id: runbook, label: Runbook, priority: 8, kinds: [Pod]}]
                providers:
                  Pod:
                    links: [{id: logs, label: Logs, url: "https://l.example.com/{{name}}", priority: 1}]
                """);

        assertThat(renderer.plan().rows()).containsExactly(new ProviderPlan.Row("scope-links-logs", "Logs", 1),
                new ProviderPlan.Row("scope-links-runbook", "Runbook", 8));
        assertThat(renderer.plan().annotations().prefix()).isEqualTo("links.scope-links.io");
    }
}
