package dev.scopelinks.providers.storageclasses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.testkit.LinkProviderContractTest;
import dev.scopelinks.testkit.ProviderHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageClassLinkProviderFactoryTest extends LinkProviderContractTest {

    private static final String SAMPLE = """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: fast-ssd
              uid: 7a1e0c52-0008-4c1a-9a00-000000000008
              annotations: {storageclass.kubernetes.io/is-default-class: "true"}
            provisioner: ebs.csi.aws.com
            reclaimPolicy: Delete
            volumeBindingMode: WaitForFirstConsumer
            """;

    @Override
    protected LinkProviderFactory factory() {
        return new StorageClassLinkProviderFactory();
    }

    @Override
    protected String sampleObject() {
        return SAMPLE;
    }

    @Override
    protected List<String> sampleNodeIds() {
        return List.of("7a1e0c52-0008-4c1a-9a00-000000000008;<storage_class>");
    }

    @Test
    void offersTheObjectsFieldsAsVariables() {
        ProviderHarness.Run run = harness().run(SAMPLE);

        assertThat(run.variables("7a1e0c52-0008-4c1a-9a00-000000000008;<storage_class>"))
                .containsEntry("name", "fast-ssd")
                .containsEntry("provisioner", "ebs.csi.aws.com")
                .containsEntry("reclaimPolicy", "Delete")
                .containsEntry("volumeBindingMode", "WaitForFirstConsumer")
                .containsEntry("isDefault", "true")
                .doesNotContainKey("namespace");
    }

    @Test
    void rendersAConfiguredLinkIntoAReportScopeAccepts() {
        ProviderHarness.Run run = harness().withConfig("""
                providers:
                  StorageClass:
                    links:
                      - id: tool
                        label: Tool
                        url: "https://docs.example/storage/{{provisioner}}/{{name}}"
                """).run(SAMPLE);

        assertThat(run.links("7a1e0c52-0008-4c1a-9a00-000000000008;<storage_class>"))
                .containsEntry("tool", "https://docs.example/storage/ebs.csi.aws.com/fast-ssd");
        assertThat(run.reportText()).contains("\"StorageClass\"");
        assertThat(run.reportFindings()).isEmpty();
    }
}
