package dev.scopelinks.providers.statefulsets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.testkit.LinkProviderContractTest;
import dev.scopelinks.testkit.ProviderHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatefulSetLinkProviderFactoryTest extends LinkProviderContractTest {

    private static final String SAMPLE = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
              namespace: shop
              uid: 7a1e0c52-0001-4c1a-9a00-000000000001
              labels: {app: db}
            spec:
              replicas: 3
              serviceName: db-headless
              selector:
                matchLabels: {app: db}
            """;

    @Override
    protected LinkProviderFactory factory() {
        return new StatefulSetLinkProviderFactory();
    }

    @Override
    protected String sampleObject() {
        return SAMPLE;
    }

    @Override
    protected List<String> sampleNodeIds() {
        return List.of("7a1e0c52-0001-4c1a-9a00-000000000001;<statefulset>");
    }

    @Test
    void offersTheObjectsFieldsAsVariables() {
        ProviderHarness.Run run = harness().run(SAMPLE);

        assertThat(run.variables("7a1e0c52-0001-4c1a-9a00-000000000001;<statefulset>"))
                .containsEntry("name", "db")
                .containsEntry("namespace", "shop")
                .containsEntry("replicas", "3")
                .containsEntry("serviceName", "db-headless")
                .containsEntry("selector", "app=db")
                .containsEntry("selector.app", "db")
                .containsEntry("labels.app", "db")
                .containsEntry("kind", "StatefulSet");
    }

    @Test
    void rendersAConfiguredLinkIntoAReportScopeAccepts() {
        ProviderHarness.Run run = harness().withConfig("""
                providers:
                  StatefulSet:
                    links:
                      - id: tool
                        label: Tool
                        url: "https://dash.example/statefulset/{{namespace}}/{{name}}?svc={{serviceName}}"
                """).run(SAMPLE);

        assertThat(run.links("7a1e0c52-0001-4c1a-9a00-000000000001;<statefulset>"))
                .containsEntry("tool", "https://dash.example/statefulset/shop/db?svc=db-headless");
        assertThat(run.reportText()).contains("\"StatefulSet\"");
        assertThat(run.reportFindings()).isEmpty();
    }
}
