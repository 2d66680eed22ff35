package dev.scopelinks.host.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.host.config.ConfigError;
import dev.scopelinks.host.config.ConfigException;
import dev.scopelinks.host.config.ConfigLoader;
import dev.scopelinks.host.testing.TestCatalog;
import dev.scopelinks.spi.ResourceType;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkPlannerTest {

    private static LinkPlan plan(String yaml) throws ConfigException {
        return new LinkPlanner().plan(new ConfigLoader(Map.<String, String>of()::get)
                .load("links.yaml", new StringReader(yaml)), TestCatalog.load());
    }

    private static List<String> errors(String yaml) {
        try {
            plan(yaml);
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::toString).toList();
        }
        throw new AssertionError("expected the config to be rejected");
    }

    @Test
    void plansEveryConfiguredProviderWithReportKeysFromThePluginId() throws Exception {
        LinkPlan plan = plan("""
                apiVersion: scope-links/v1
                plugin: {id: tools}
                providers:
                  Deployment:
                    links:
                      - {id: logs, label: Logs, url: "https://logs.example.com/?q={{name}}"}
                  Pod:
                    links:
                      - {id: shell, label: Shell, url: "https://shell.example.com/{{namespace}}/{{name}}"}
                """);

        assertThat(plan.providers()).extracting(ProviderPlan::id).containsExactly("Deployment", "Pod");
        assertThat(plan.providers().get(0).links()).extracting(CompiledLink::key).containsExactly("tools-logs");
        assertThat(plan.watchedResources()).extracting(ResourceType::kind).containsExactly("Deployment", "Pod");
    }

    @Test
    void pointsATemplateErrorAtTheUrlValueWithACaret() {
        List<String> errors = errors("""
                apiVersion: scope-links/v1
                providers:
                  Pod:
                    links:
                      - id: logs
                        label: Logs
                        url: https://logs.example.com/?q={{nmae}}
                """);

        assertThat(errors).singleElement().asString()
                .startsWith("links.yaml:7:14: providers.Pod.links[0].url: unknown variable 'nmae' (did you mean 'name'?)")
                .contains("(at character 29 of the template)")
                .endsWith("https://logs.example.com/?q={{nmae}}\n                                ^");
    }

    @Test
    void namesAnUnknownProviderWithASuggestionAndTheInstalledOnes() {
        assertThat(errors("""
                apiVersion: scope-links/v1
                providers:
                  Deploymnet:
                    links: []
                """)).singleElement().asString().isEqualTo("links.yaml:3:3: providers.Deploymnet: no installed provider "
                + "has this id (did you mean 'Deployment'?); installed: Deployment, Pod, Service");
    }

    @Test
    void refusesASettingTheProviderDoesNotReadSoAMisspeltKeyIsNeverIgnored() {
        assertThat(errors("""
                apiVersion: scope-links/v1
                providers:
                  Pod:
                    settings: {colour: blue}
                    links: []
                """)).singleElement().asString().startsWith("links.yaml:4:")
                .endsWith("providers.Pod.settings.colour: Pod takes no settings");
    }

    @Test
    void refusesAVarThatShadowsAnObjectVariable() {
        assertThat(errors("""
                apiVersion: scope-links/v1
                vars: {name: fixed}
                providers:
                  Pod: {links: []}
                """)).singleElement().asString().startsWith("links.yaml:2:14: vars.name: clashes with the Pod variable");
    }

    @Test
    void collectsTemplateErrorsFromEveryLinkAndProvider() {
        assertThat(errors("""
                apiVersion: scope-links/v1
                providers:
                  Pod:
                    links:
                      - {id: a, label: A, url: "javascript:alert(1)"}
                      - {id: b, label: B, url: "https://x.example.com/{{{name}}}"}
                  Service:
                    links:
                      - {id: c, label: C, url: "https://x.example.com/{{> p}}"}
                """)).hasSize(3);
    }

    @Test
    void refusesAnnotationSlotsThatClashWithLinksOrEachOtherOrNameUnconfiguredKinds() {
        assertThat(errors("""
                apiVersion: scope-links/v1
                annotationLinks:
                  slots:
                    - {id: logs, label: Runbook, priority: 1, kinds: [Pod]}
                    - {id: oncall, label: On call, priority: 1, kinds: [Pod, Deploymnet]}
                providers:
                  Pod:
                    links:
                      - {id: logs, label: Logs, url: "https://l.example.com/{{name}}", priority: 1}
                """)).containsExactlyInAnyOrder(
                "links.yaml:4:7: annotationLinks.slots.logs.id: link id 'logs' of Pod (line 9) has the same id; rename one",
                "links.yaml:4:7: annotationLinks.slots.logs.priority: priority 1.0 is also used by Pod link 'logs'; "
                        + "give each row its own so Scope keeps their order",
                "links.yaml:5:7: annotationLinks.slots.oncall.priority: priority 1.0 is also used by Pod link 'logs'; "
                        + "give each row its own so Scope keeps their order",
                "links.yaml:5:7: annotationLinks.slots.oncall.priority: priority 1.0 is also used by slot 'logs' for "
                        + "Pod; give each row its own so Scope keeps their order",
                "links.yaml:5:7: annotationLinks.slots.oncall.kinds: 'Deploymnet' is not configured under providers; "
                        + "configured: Pod");
    }

    @Test
    void refusesPhaseConditionsOnKindsThatAreNotPodsAndVarsNamedLikeHelpers() {
        assertThat(errors("""
                apiVersion: scope-links/v1
                vars: {json: x}
                providers:
                  Service:
                    links:
                      - {id: a, label: A, url: "https://a.example.com/{{name}}", when: {phases: [Running]}}
                """)).containsExactlyInAnyOrder(
                "links.yaml:6:9: providers.Service.links[0].when.phases: phases apply to Pods only; Service watches Service",
                "links.yaml:2:14: vars.json: 'json' is the name of an encoding helper; rename the variable");
    }
}
