package dev.scopelinks.providers.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.testkit.LinkProviderContractTest;
import dev.scopelinks.testkit.ProviderHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobLinkProviderFactoryTest extends LinkProviderContractTest {

    private static final String SAMPLE = """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: nightly-backup-29012345
              namespace: ops
              uid: 7a1e0c52-0003-4c1a-9a00-000000000003
              ownerReferences:
                - {apiVersion: batch/v1, kind: CronJob, name: nightly-backup, uid: 7a1e0c52-0004-4c1a-9a00-000000000004, controller: true}
            spec:
              completions: 1
              parallelism: 1
            """;

    @Override
    protected LinkProviderFactory factory() {
        return new JobLinkProviderFactory();
    }

    @Override
    protected String sampleObject() {
        return SAMPLE;
    }

    @Override
    protected List<String> sampleNodeIds() {
        return List.of("7a1e0c52-0003-4c1a-9a00-000000000003;<job>");
    }

    @Test
    void offersTheObjectsFieldsAsVariables() {
        ProviderHarness.Run run = harness().run(SAMPLE);

        assertThat(run.variables("7a1e0c52-0003-4c1a-9a00-000000000003;<job>"))
                .containsEntry("name", "nightly-backup-29012345")
                .containsEntry("namespace", "ops")
                .containsEntry("completions", "1")
                .containsEntry("parallelism", "1")
                .containsEntry("ownerKind", "CronJob")
                .containsEntry("ownerName", "nightly-backup");
    }

    @Test
    void rendersAConfiguredLinkIntoAReportScopeAccepts() {
        ProviderHarness.Run run = harness().withConfig("""
                providers:
                  Job:
                    links:
                      - id: tool
                        label: Tool
                        url: "https://logs.example/jobs/{{namespace}}/{{ownerName}}/{{name}}"
                """).run(SAMPLE);

        assertThat(run.links("7a1e0c52-0003-4c1a-9a00-000000000003;<job>"))
                .containsEntry("tool", "https://logs.example/jobs/ops/nightly-backup/nightly-backup-29012345");
        assertThat(run.reportText()).contains("\"Job\"");
        assertThat(run.reportFindings()).isEmpty();
    }
}
