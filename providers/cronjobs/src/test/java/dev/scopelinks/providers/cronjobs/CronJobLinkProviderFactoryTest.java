package dev.scopelinks.providers.cronjobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.testkit.LinkProviderContractTest;
import dev.scopelinks.testkit.ProviderHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronJobLinkProviderFactoryTest extends LinkProviderContractTest {

    private static final String SAMPLE = """
            apiVersion: batch/v1beta1
            kind: CronJob
            metadata:
              name: nightly-backup
              namespace: ops
              uid: 7a1e0c52-0004-4c1a-9a00-000000000004
            spec:
              schedule: "0 2 * * *"
              suspend: false
            """;

    @Override
    protected LinkProviderFactory factory() {
        return new CronJobLinkProviderFactory();
    }

    @Override
    protected String sampleObject() {
        return SAMPLE;
    }

    @Override
    protected List<String> sampleNodeIds() {
        return List.of("7a1e0c52-0004-4c1a-9a00-000000000004;<cronjob>");
    }

    @Test
    void offersTheObjectsFieldsAsVariables() {
        ProviderHarness.Run run = harness().run(SAMPLE);

        assertThat(run.variables("7a1e0c52-0004-4c1a-9a00-000000000004;<cronjob>"))
                .containsEntry("name", "nightly-backup")
                .containsEntry("namespace", "ops")
                .containsEntry("schedule", "0 2 * * *")
                .containsEntry("suspend", "false");
    }

    @Test
    void rendersAConfiguredLinkIntoAReportScopeAccepts() {
        ProviderHarness.Run run = harness().withConfig("""
                providers:
                  CronJob:
                    links:
                      - id: tool
                        label: Tool
                        url: "https://dash.example/cronjob/{{namespace}}/{{name}}?schedule={{schedule}}"
                """).run(SAMPLE);

        assertThat(run.links("7a1e0c52-0004-4c1a-9a00-000000000004;<cronjob>"))
                .containsEntry("tool", "https://dash.example/cronjob/ops/nightly-backup?schedule=0%202%20%2A%20%2A%20%2A");
        assertThat(run.reportText()).contains("\"CronJob\"");
        assertThat(run.reportFindings()).isEmpty();
    }
}
