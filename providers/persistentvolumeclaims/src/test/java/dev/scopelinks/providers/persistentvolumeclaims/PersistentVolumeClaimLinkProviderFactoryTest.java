package dev.scopelinks.providers.persistentvolumeclaims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.testkit.LinkProviderContractTest;
import dev.scopelinks.testkit.ProviderHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersistentVolumeClaimLinkProviderFactoryTest extends LinkProviderContractTest {

    private static final String SAMPLE = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: data-db-0
              namespace: shop
              uid: 7a1e0c52-0007-4c1a-9a00-000000000007
            spec:
              storageClassName: fast-ssd
              volumeName: pvc-0b6c6a3e
              resources: {requests: {storage: 10Gi}}
            status:
              phase: Bound
              capacity: {storage: 10Gi}
            """;

    @Override
    protected LinkProviderFactory factory() {
        return new PersistentVolumeClaimLinkProviderFactory();
    }

    @Override
    protected String sampleObject() {
        return SAMPLE;
    }

    @Override
    protected List<String> sampleNodeIds() {
        return List.of("7a1e0c52-0007-4c1a-9a00-000000000007;<persistent_volume_claim>");
    }

    @Test
    void offersTheObjectsFieldsAsVariables() {
        ProviderHarness.Run run = harness().run(SAMPLE);

        assertThat(run.variables("7a1e0c52-0007-4c1a-9a00-000000000007;<persistent_volume_claim>"))
                .containsEntry("name", "data-db-0")
                .containsEntry("namespace", "shop")
                .containsEntry("storageClassName", "fast-ssd")
                .containsEntry("volumeName", "pvc-0b6c6a3e")
                .containsEntry("requestedStorage", "10Gi")
                .containsEntry("capacity", "10Gi")
                .containsEntry("phase", "Bound");
    }

    @Test
    void rendersAConfiguredLinkIntoAReportScopeAccepts() {
        ProviderHarness.Run run = harness().withConfig("""
                providers:
                  PersistentVolumeClaim:
                    links:
                      - id: tool
                        label: Tool
                        url: "https://grafana.example/d/pvc?var-namespace={{namespace}}&var-pvc={{name}}"
                """).run(SAMPLE);

        assertThat(run.links("7a1e0c52-0007-4c1a-9a00-000000000007;<persistent_volume_claim>"))
                .containsEntry("tool", "https://grafana.example/d/pvc?var-namespace=shop&var-pvc=data-db-0");
        assertThat(run.reportText()).contains("\"PersistentVolumeClaim\"");
        assertThat(run.reportFindings()).isEmpty();
    }
}
