package org.example.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.testkit.LinkProviderContractTest;
import dev.scopelinks.testkit.ProviderHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a third party tests a provider: the testkit's contract plus a few lines of its own. */
class VolumeSnapshotLinkProviderFactoryTest extends LinkProviderContractTest {

    private static final String SNAPSHOT = """
            apiVersion: volumesnapshot.external-storage.k8s.io/v1
            kind: VolumeSnapshot
            metadata:
              name: db-nightly
              namespace: shop
              uid: 5c1d0e9a-0001-4b7e-8f00-000000000001
            spec:
              persistentVolumeClaimName: data-db-0
              snapshotDataName: k8s-volume-snapshot-2f1c
            """;

    @Override
    protected LinkProviderFactory factory() {
        return new VolumeSnapshotLinkProviderFactory();
    }

    @Override
    protected String sampleObject() {
        return SNAPSHOT;
    }

    @Override
    protected List<String> sampleNodeIds() {
        return List.of("5c1d0e9a-0001-4b7e-8f00-000000000001;<volume_snapshot>");
    }

    @Test
    void linksASnapshotToItsClaimInAReportScopeAccepts() {
        ProviderHarness.Run run = harness().withConfig("""
                providers:
                  VolumeSnapshot:
                    links:
                      - id: backups
                        label: Backups
                        url: "https://backups.example/{{namespace}}/{{claimName}}/{{name}}"
                """).run(SNAPSHOT);

        assertThat(run.variables("5c1d0e9a-0001-4b7e-8f00-000000000001;<volume_snapshot>"))
                .containsEntry("snapshotDataName", "k8s-volume-snapshot-2f1c");
        assertThat(run.links("5c1d0e9a-0001-4b7e-8f00-000000000001;<volume_snapshot>"))
                .containsEntry("backups", "https://backups.example/shop/data-db-0/db-nightly");
        assertThat(run.reportText()).contains("\"VolumeSnapshot\"");
        assertThat(run.reportFindings()).isEmpty();
    }

    @Test
    void declaresItsCrdAsAnApiTheClusterMayNotServe() {
        assertThat(factory().watchesOptionalApi()).isTrue();
    }
}
