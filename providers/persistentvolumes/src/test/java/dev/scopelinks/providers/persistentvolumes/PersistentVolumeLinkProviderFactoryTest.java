package dev.scopelinks.providers.persistentvolumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.testkit.LinkProviderContractTest;
import dev.scopelinks.testkit.ProviderHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersistentVolumeLinkProviderFactoryTest extends LinkProviderContractTest {

    private static final String SAMPLE = """
            apiVersion: v1
            kind: PersistentVolume
            metadata:
              name: pvc-0b6c6a3e
              uid: 7a1e0c52-0006-4c1a-9a00-000000000006
            spec:
              storageClassName: fast-ssd
              capacity: {storage: 10Gi}
              claimRef: {namespace: shop, name: data-db-0}
              csi: {driver: ebs.csi.aws.com, volumeHandle: vol-0abc123}
            status:
              phase: Bound
            """;

    @Override
    protected LinkProviderFactory factory() {
        return new PersistentVolumeLinkProviderFactory();
    }

    @Override
    protected String sampleObject() {
        return SAMPLE;
    }

    @Override
    protected List<String> sampleNodeIds() {
        return List.of("7a1e0c52-0006-4c1a-9a00-000000000006;<persistent_volume>");
    }

    @Test
    void offersTheObjectsFieldsAsVariables() {
        ProviderHarness.Run run = harness().run(SAMPLE);

        assertThat(run.variables("7a1e0c52-0006-4c1a-9a00-000000000006;<persistent_volume>"))
                .containsEntry("name", "pvc-0b6c6a3e")
                .containsEntry("storageClassName", "fast-ssd")
                .containsEntry("capacity", "10Gi")
                .containsEntry("claimNamespace", "shop")
                .containsEntry("claimName", "data-db-0")
                .containsEntry("csiDriver", "ebs.csi.aws.com")
                .containsEntry("volumeHandle", "vol-0abc123")
                .containsEntry("phase", "Bound")
                .doesNotContainKey("namespace");
    }

    @Test
    void rendersAConfiguredLinkIntoAReportScopeAccepts() {
        ProviderHarness.Run run = harness().withConfig("""
                providers:
                  PersistentVolume:
                    links:
                      - id: tool
                        label: Tool
                        url: "https://console.example/volumes/{{volumeHandle}}"
                """).run(SAMPLE);

        assertThat(run.links("7a1e0c52-0006-4c1a-9a00-000000000006;<persistent_volume>"))
                .containsEntry("tool", "https://console.example/volumes/vol-0abc123");
        assertThat(run.reportText()).contains("\"PersistentVolume\"");
        assertThat(run.reportFindings()).isEmpty();
    }
}
