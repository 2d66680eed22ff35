package org.example.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.testkit.LinkProviderContractTest;
import dev.scopelinks.testkit.ProviderHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeSnapshotDataLinkProviderFactoryTest extends LinkProviderContractTest {

    private static final String DATA = """
            apiVersion: volumesnapshot.external-storage.k8s.io/v1
            kind: VolumeSnapshotData
            metadata:
              name: k8s-volume-snapshot-2f1c
              uid: 5c1d0e9a-0002-4b7e-8f00-000000000002
            spec:
              volumeSnapshotRef: {kind: VolumeSnapshot, namespace: shop, name: db-nightly}
              persistentVolumeRef: {kind: PersistentVolume, name: pvc-0b6c6a3e}
              openebsVolume: {snapshotId: pvc-0b6c6a3e_db-nightly_1732500000}
            """;

    @Override
    protected LinkProviderFactory factory() {
        return new VolumeSnapshotDataLinkProviderFactory();
    }

    @Override
    protected String sampleObject() {
        return DATA;
    }

    @Override
    protected List<String> sampleNodeIds() {
        return List.of("5c1d0e9a-0002-4b7e-8f00-000000000002;<volume_snapshot_data>");
    }

    @Test
    void offersTheSnapshotItBelongsToAndTheVolume() {
        ProviderHarness.Run run = harness().run(DATA);

        assertThat(run.variables("5c1d0e9a-0002-4b7e-8f00-000000000002;<volume_snapshot_data>"))
                .containsEntry("snapshotNamespace", "shop")
                .containsEntry("snapshotName", "db-nightly")
                .containsEntry("persistentVolumeName", "pvc-0b6c6a3e")
                .containsEntry("openebsSnapshotId", "pvc-0b6c6a3e_db-nightly_1732500000")
                .doesNotContainKey("namespace");
    }
}
