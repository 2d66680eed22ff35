package dev.scopelinks.providers.namespaces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.testkit.LinkProviderContractTest;
import dev.scopelinks.testkit.ProviderHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamespaceLinkProviderFactoryTest extends LinkProviderContractTest {

    private static final String SAMPLE = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              uid: 7a1e0c52-0005-4c1a-9a00-000000000005
              labels: {team: payments}
            status:
              phase: Active
            """;

    @Override
    protected LinkProviderFactory factory() {
        return new NamespaceLinkProviderFactory();
    }

    @Override
    protected String sampleObject() {
        return SAMPLE;
    }

    @Override
    protected List<String> sampleNodeIds() {
        return List.of("7a1e0c52-0005-4c1a-9a00-000000000005;<namespace>");
    }

    @Test
    void offersTheObjectsFieldsAsVariables() {
        ProviderHarness.Run run = harness().run(SAMPLE);

        assertThat(run.variables("7a1e0c52-0005-4c1a-9a00-000000000005;<namespace>"))
                .containsEntry("name", "shop")
                .containsEntry("phase", "Active")
                .containsEntry("labels.team", "payments")
                .doesNotContainKey("namespace");
    }

    @Test
    void rendersAConfiguredLinkIntoAReportScopeAccepts() {
        ProviderHarness.Run run = harness().withConfig("""
                providers:
                  Namespace:
                    links:
                      - id: tool
                        label: Tool
                        url: "https://dash.example/namespace/{{name}}?team={{labels.team}}"
                """).run(SAMPLE);

        assertThat(run.links("7a1e0c52-0005-4c1a-9a00-000000000005;<namespace>"))
                .containsEntry("tool", "https://dash.example/namespace/shop?team=payments");
        assertThat(run.reportText()).contains("\"Namespace\"");
        assertThat(run.reportFindings()).isEmpty();
    }
}
