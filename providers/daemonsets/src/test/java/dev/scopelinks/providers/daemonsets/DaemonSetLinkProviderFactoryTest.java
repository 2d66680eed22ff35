package dev.scopelinks.providers.daemonsets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.testkit.LinkProviderContractTest;
import dev.scopelinks.testkit.ProviderHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaemonSetLinkProviderFactoryTest extends LinkProviderContractTest {

    private static final String SAMPLE = """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: node-exporter
              namespace: monitoring
              uid: 7a1e0c52-0002-4c1a-9a00-000000000002
            spec:
              selector:
                matchLabels: {app: node-exporter}
            status:
              desiredNumberScheduled: 5
            """;

    @Override
    protected LinkProviderFactory factory() {
        return new DaemonSetLinkProviderFactory();
    }

    @Override
    protected String sampleObject() {
        return SAMPLE;
    }

    @Override
    protected List<String> sampleNodeIds() {
        return List.of("7a1e0c52-0002-4c1a-9a00-000000000002;<daemonset>");
    }

    @Test
    void offersTheObjectsFieldsAsVariables() {
        ProviderHarness.Run run = harness().run(SAMPLE);

        assertThat(run.variables("7a1e0c52-0002-4c1a-9a00-000000000002;<daemonset>"))
                .containsEntry("name", "node-exporter")
                .containsEntry("namespace", "monitoring")
                .containsEntry("desiredNumberScheduled", "5")
                .containsEntry("selector", "app=node-exporter")
                .containsEntry("selector.app", "node-exporter");
    }

    @Test
    void rendersAConfiguredLinkIntoAReportScopeAccepts() {
        ProviderHarness.Run run = harness().withConfig("""
                providers:
                  DaemonSet:
                    links:
                      - id: tool
                        label: Tool
                        url: "https://grafana.example/d/ds?var-namespace={{namespace}}&var-daemonset={{name}}"
                """).run(SAMPLE);

        assertThat(run.links("7a1e0c52-0002-4c1a-9a00-000000000002;<daemonset>"))
                .containsEntry("tool", "https://grafana.example/d/ds?var-namespace=monitoring&var-daemonset=node-exporter");
        assertThat(run.reportText()).contains("\"DaemonSet\"");
        assertThat(run.reportFindings()).isEmpty();
    }
}
