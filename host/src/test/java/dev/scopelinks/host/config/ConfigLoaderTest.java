package dev.scopelinks.host.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private static final String FILE = "links.yaml";

    private final ConfigLoader loader = new ConfigLoader(Map.of("GRAFANA_URL", "https://grafana.example.com")::get);

    private ScopeLinksConfig load(String yaml) throws ConfigException {
        return loader.load(FILE, new StringReader(yaml));
    }

    private List<String> errors(String yaml) {
        try {
            load(yaml);
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::toString).toList();
        }
        throw new AssertionError("expected the config to be rejected:\n" + yaml);
    }

    @Test
    void readsAWholeConfigIntoRecords() throws Exception {
        ScopeLinksConfig config = load("""
                apiVersion: scope-links/v1
                plugin: {id: my-links, label: Tools, description: Deep links}
                socketDir: /tmp/plugins
                cluster: prod-eu
                namespaces: [shop, billing]
                vars:
                  grafana: ${GRAFANA_URL}
                  port: 8080
                providers:
                  Deployment:
                    links:
                      - id: metrics
                        label: Metrics
                        url: "{{{grafana}}}/d/x?var-ns={{namespace}}"
                        priority: 2.5
                        description: CPU and memory
                """);

        assertThat(config.plugin()).isEqualTo(new PluginConfig("my-links", "Tools", "Deep links"));
        assertThat(config.socketDir()).contains("/tmp/plugins");
        assertThat(config.cluster()).isEqualTo("prod-eu");
        assertThat(config.namespaces()).containsExactly("shop", "billing");
        assertThat(config.vars().get("grafana").text()).isEqualTo("https://grafana.example.com");
        assertThat(config.vars().get("port").text()).isEqualTo("8080");
        LinkConfig link = config.providers().get("Deployment").links().get(0);
        assertThat(link.id()).isEqualTo("metrics");
        assertThat(link.label()).isEqualTo("Metrics");
        assertThat(link.priority()).isEqualTo(2.5);
        assertThat(link.description()).isEqualTo("CPU and memory");
        assertThat(link.url().location()).isEqualTo(new Location(FILE, 14, 14));
    }

    @Test
    void givesLinksDistinctDefaultPrioritiesInWrittenOrder() throws Exception {
        ScopeLinksConfig config = load("""
                apiVersion: scope-links/v1
                providers:
                  Pod:
                    links:
                      - {id: a, label: A, url: "https://a.example.com/"}
                      - {id: b, label: B, url: "https://b.example.com/"}
                """);

        List<LinkConfig> links = config.providers().get("Pod").links();
        assertThat(links).extracting(LinkConfig::id).containsExactly("a", "b");
        assertThat(links.get(0).priority()).isBetween(0.0, 10.0).isLessThan(links.get(1).priority());
        assertThat(config.plugin()).isEqualTo(PluginConfig.defaults());
    }

    @Test
    void reportsAnUnknownKeyWithItsLocationAndASuggestion() {
        assertThat(errors("""
                apiVersion: scope-links/v1
                providers:
                  Deployment:
                    links:
                      - id: logs
                        lable: Logs
                        url: https://logs.example.com/
                """)).anySatisfy(error -> assertThat(error)
                .startsWith("links.yaml:6:9: providers.Deployment.links[0].lable: unknown key (did you mean 'label'?)"));
    }

    @Test
    void reportsAWrongTypeAtTheValue() {
        assertThat(errors("""
                apiVersion: scope-links/v1
                namespaces: shop
                providers:
                  Pod:
                    links: []
                """)).containsExactly("links.yaml:2:13: namespaces: must be a list ('- ' items), not a string");
    }

    @Test
    void reportsAMissingRequiredKeyAtItsParent() {
        assertThat(errors("""
                apiVersion: scope-links/v1
                providers:
                  Pod:
                    links:
                      - id: logs
                        label: Logs
                """)).containsExactly("links.yaml:5:9: providers.Pod.links[0].url: is required");
    }

    @Test
    void refusesAPluginIdScopeWouldNotAccept() {
        assertThat(errors("""
                apiVersion: scope-links/v1
                plugin:
                  id: scope_links!
                providers:
                  Pod: {links: []}
                """)).singleElement().asString().startsWith("links.yaml:3:7: plugin.id: 'scope_links!' is not a valid");
    }

    @Test
    void refusesEmptyLabels() {
        assertThat(errors("""
                apiVersion: scope-links/v1
                plugin: {label: " "}
                providers:
                  Pod:
                    links:
                      - {id: a, label: "", url: "https://a.example.com/"}
                """)).containsExactly(
                "links.yaml:2:17: plugin.label: must not be empty: Scope rejects a plugin without a label",
                "links.yaml:6:24: providers.Pod.links[0].label: must not be empty");
    }

    @Test
    void refusesDuplicateLinkIdsAndPriorities() {
        assertThat(errors("""
                apiVersion: scope-links/v1
                providers:
                  Pod:
                    links:
                      - {id: a, label: A, url: "https://a.example.com/", priority: 3}
                      - {id: a, label: B, url: "https://b.example.com/", priority: 3}
                """)).containsExactly(
                "links.yaml:6:9: providers.Pod.links[1].priority: priority 3.0 is also used by providers.Pod.links[0]; "
                        + "give each link its own so Scope keeps their order",
                "links.yaml:6:14: providers.Pod.links[1].id: duplicate link id 'a' (first used at line 5)");
    }

    @Test
    void refusesPrioritiesOutsideTheOpenIntervalZeroToTen() {
        List<String> errors = errors("""
                apiVersion: scope-links/v1
                providers:
                  Pod:
                    links:
                      - {id: a, label: A, url: "https://a.example.com/", priority: 0}
                      - {id: b, label: B, url: "https://b.example.com/", priority: 10}
                      - {id: c, label: C, url: "https://c.example.com/", priority: high}
                """);
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).startsWith("links.yaml:5:68: providers.Pod.links[0].priority: 0.0 is outside (0, 10)");
        assertThat(errors.get(1)).startsWith("links.yaml:6:68: providers.Pod.links[1].priority: 10.0 is outside (0, 10)");
        assertThat(errors.get(2)).isEqualTo("links.yaml:7:68: providers.Pod.links[2].priority: must be a number, "
                + "not a string");
    }

    @Test
    void refusesAnUnsupportedApiVersion() {
        assertThat(errors("""
                apiVersion: scope-links/v2
                providers: {Pod: {links: []}}
                """)).containsExactly("links.yaml:1:13: apiVersion: unsupported version 'scope-links/v2'; "
                + "this build reads scope-links/v1");
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirLocation() {
        assertThat(errors("""
                apiVersion: scope-links/v1
                providers:
                  Pod:
                    links: [
                """)).singleElement().asString().startsWith("links.yaml:4:13: not valid YAML");
    }

    @Test
    void reportsAMissingEnvironmentVariableAtTheValueThatUsesIt() {
        assertThat(errors("""
                apiVersion: scope-links/v1
                vars:
                  kibana: ${KIBANA_URL}
                providers: {Pod: {links: []}}
                """)).containsExactly("links.yaml:3:11: vars.kibana: environment variable 'KIBANA_URL' is not set "
                + "(write $${ for a literal ${)");
    }

    @Test
    void expandsEnvironmentVariablesOnlyInConfigAndKeepsEscapedDollars() throws Exception {
        ScopeLinksConfig config = load("""
                apiVersion: scope-links/v1
                vars:
                  grafana: ${GRAFANA_URL}/grafana
                  literal: $${NOT_EXPANDED}
                providers: {Pod: {links: []}}
                """);
        assertThat(config.vars().get("grafana").text()).isEqualTo("https://grafana.example.com/grafana");
        assertThat(config.vars().get("literal").text()).isEqualTo("${NOT_EXPANDED}");
    }

    @Test
    void reportsEveryErrorAtOnceInFileOrder() {
        List<String> errors = errors("""
                apiVersion: scope-links/v1
                socketDirr: /tmp
                plugin: {id: "bad id"}
                providers:
                  Pod:
                    links:
                      - {id: "a b", label: A, url: "https://a.example.com/"}
                      - {id: c, label: C, priority: 11}
                """);
        assertThat(errors).hasSize(5);
        assertThat(errors.get(0)).startsWith("links.yaml:2:1: socketDirr: unknown key (did you mean 'socketDir'?)");
        assertThat(errors.get(1)).startsWith("links.yaml:3:14: plugin.id:");
        assertThat(errors.get(2)).startsWith("links.yaml:7:14: providers.Pod.links[0].id: 'a b' is not a valid link id");
        assertThat(errors.get(3)).isEqualTo("links.yaml:8:9: providers.Pod.links[1].url: is required");
        assertThat(errors.get(4)).startsWith("links.yaml:8:37: providers.Pod.links[1].priority: 11.0 is outside");
    }

    @Test
    void refusesAnEmptyFileAndOneWithoutProviders() {
        assertThat(errors("")).singleElement().asString().startsWith("links.yaml:1:1: the file is empty");
        assertThat(errors("apiVersion: scope-links/v1\n")).singleElement().asString()
                .startsWith("links.yaml:1:1: providers: is required");
    }
}
