package dev.scopelinks.host.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.host.probe.ReportChecker.Finding;
import dev.scopelinks.host.probe.ReportChecker.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checker must agree with what Scope v1.13.2's own code made of each report in the verdict
 * corpus (test resources {@code scope-conformance/}, copied from the shared corpus).
 */
class ReportCheckerTest {

    private static final String SOCKET_ID = "scope-links";

    /** What Scope did with each case, from the corpus README: null means accepted as is. */
    private static final Map<String, Severity> SCOPE_VERDICTS = Map.ofEntries(
            Map.entry("01-accepted-minimal", Severity.STYLE),
            Map.entry("02-rejected-two-plugin-entries", Severity.REJECTED),
            Map.entry("03-rejected-id-not-socket-name", Severity.REJECTED),
            Map.entry("04-api-version-as-number", Severity.STYLE),
            Map.entry("05-rejected-empty-label", Severity.REJECTED),
            Map.entry("06-rejected-no-reporter-interface", Severity.REJECTED),
            Map.entry("07-rejected-timestamp-without-zone", Severity.REJECTED),
            Map.entry("08-broken-node-without-id", Severity.BROKEN),
            Map.entry("09-ignored-key-Pods", Severity.IGNORED),
            Map.entry("10-accepted-all-topologies", Severity.STYLE),
            Map.entry("11-wrong-topology-field-case", Severity.PANIC),
            Map.entry("12-blog-example-report", Severity.BROKEN),
            Map.entry("13-accepted-host-without-topology-field", Severity.STYLE));

    private final ReportChecker checker = new ReportChecker();

    static Stream<Arguments> corpus() {
        return SCOPE_VERDICTS.keySet().stream().sorted().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void agreesWithScopesVerdictOnEveryCorpusReport(String name) throws IOException {
        List<Finding> findings = checker.check(resource(name + ".json"), SOCKET_ID);

        Severity worst = ReportChecker.worst(findings).orElse(Severity.STYLE);
        assertThat(worst).as("findings: %s", findings).isEqualTo(SCOPE_VERDICTS.get(name));
        assertThat(worst).isEqualTo(verdictFromScopesOwnOutput(name).orElse(worst));
    }

    @Test
    void acceptsTheReportsScopeAcceptsWithoutAnyFinding() throws IOException {
        for (String accepted : List.of("01-accepted-minimal", "10-accepted-all-topologies",
                "13-accepted-host-without-topology-field")) {
            assertThat(checker.check(resource(accepted + ".json"), SOCKET_ID)).as(accepted).isEmpty();
        }
    }

    @Test
    void flagsApiVersionAsNumberAsStyleOnlyBecauseScopeCoercesIt() throws IOException {
        assertThat(checker.check(resource("04-api-version-as-number.json"), SOCKET_ID))
                .extracting(Finding::severity, Finding::path)
                .containsExactly(Tuple.tuple(Severity.STYLE, "$.Plugins[0].api_version"));
    }

    @Test
    void namesScopesKeyWhenATopologyKeyIsMisspelt() throws IOException {
        assertThat(checker.check(resource("09-ignored-key-Pods.json"), SOCKET_ID))
                .anySatisfy(finding -> assertThat(finding.message()).contains("Scope's key is 'Pod'"));
    }

    @Test
    void rejectsAnExactTopologyFieldOnlyAsStyleButAMismatchAsPanic() {
        String body = """
                {"Plugins":[{"id":"scope-links","label":"L","interfaces":["reporter"],"api_version":"1"}],
                 "DaemonSet":{"nodes":{"u;<daemonset>":{"id":"u;<daemonset>","topology":"daemon_set","latest":{}}}}}
                """;
        assertThat(checker.check(bytes(body), SOCKET_ID)).extracting(Finding::severity).containsExactly(Severity.STYLE);
        String wrong = body.replace("\"daemon_set\"", "\"daemonset\"");
        assertThat(ReportChecker.worst(checker.check(bytes(wrong), SOCKET_ID))).contains(Severity.PANIC);
    }

    @Test
    void flagsNodeIdsWithTheWrongTagAsGhosts() {
        String body = """
                {"Plugins":[{"id":"scope-links","label":"L","interfaces":["reporter"],"api_version":"1"}],
                 "StatefulSet":{"nodes":{"u;<stateful_set>":{"id":"u;<stateful_set>","latest":{}}}}}
                """;
        assertThat(checker.check(bytes(body), SOCKET_ID))
                .anySatisfy(finding -> {
                    assertThat(finding.severity()).isEqualTo(Severity.BROKEN);
                    assertThat(finding.message()).contains(";<statefulset>");
                });
    }

    @Test
    void flagsReplicaSetNodesBecauseScopeNeverDrawsThem() {
        String body = """
                {"Plugins":[{"id":"scope-links","label":"L","interfaces":["reporter"],"api_version":"1"}],
                 "ReplicaSet":{"nodes":{"u;<replica_set>":{"id":"u;<replica_set>","latest":{}}}}}
                """;
        assertThat(ReportChecker.worst(checker.check(bytes(body), SOCKET_ID))).contains(Severity.BROKEN);
    }

    @Test
    void rejectsWhatIsNotJson() {
        assertThat(ReportChecker.worst(checker.check(bytes("{\"Plugins\":["), SOCKET_ID))).contains(Severity.REJECTED);
    }

    @Test
    void flagsRelativeAndJavascriptLinksAsBroken() {
        String body = """
                {"Plugins":[{"id":"scope-links","label":"L","interfaces":["reporter"],"api_version":"1"}],
                 "Pod":{"nodes":{"u;<pod>":{"id":"u;<pod>","latest":{
                   "scope-links-a":{"timestamp":"2026-11-25T10:00:00Z","value":"/console/pods/x"},
                   "scope-links-b":{"timestamp":"2026-11-25T10:00:00Z","value":"javascript:alert(1)"}}}},
                  "metadata_templates":{
                   "scope-links-a":{"id":"scope-links-a","label":"A","dataType":"link","priority":1.1,"from":"latest"},
                   "scope-links-b":{"id":"scope-links-b","label":"B","dataType":"link","priority":1.2,"from":"latest"}}}}
                """;
        assertThat(checker.check(bytes(body), SOCKET_ID)).filteredOn(f -> f.severity() == Severity.BROKEN).hasSize(2);
    }

    /**
     * What Scope's own output says, where its verdict file has the usual lines: a panic, a plugin
     * in error (discarded), a failed validation (broken), or nothing accepted (ignored).
     */
    private static Optional<Severity> verdictFromScopesOwnOutput(String name) throws IOException {
        String verdict = new String(resource(name + ".scope-verdict.txt"), StandardCharsets.UTF_8);
        if (verdict.startsWith("panic:")) {
            return Optional.of(Severity.PANIC);
        }
        if (!verdict.startsWith("PLUGIN ")) {
            return Optional.empty();
        }
        if (verdict.contains("status=\"error:")) {
            return Optional.of(Severity.REJECTED);
        }
        if (!verdict.contains("VALIDATE: ok")) {
            return Optional.of(Severity.BROKEN);
        }
        if (!verdict.contains("\nTOPOLOGY ")) {
            return Optional.of(Severity.IGNORED);
        }
        return Optional.of(Severity.STYLE);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ReportCheckerTest.class.getResourceAsStream("/scope-conformance/" + name)) {
            assertThat(in).as("corpus file %s", name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
