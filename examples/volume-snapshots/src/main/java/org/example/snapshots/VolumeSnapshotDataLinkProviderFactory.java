package org.example.snapshots;

import dev.scopelinks.spi.DeclaredLinkProviderFactory;
import dev.scopelinks.spi.ProviderDeclaration;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;

/**
 * Links for OpenEBS's {@code VolumeSnapshotData} (the cluster-scoped half of a snapshot), on
 * Scope's {@code VolumeSnapshotData} nodes ({@code <uid>;<volume_snapshot_data>}).
 */
public final class VolumeSnapshotDataLinkProviderFactory extends DeclaredLinkProviderFactory {

    /** OpenEBS's snapshot data, a cluster-scoped CRD. */
    public static final ResourceType VOLUME_SNAPSHOT_DATAS = ResourceType.clusterScoped(
            "volumesnapshot.external-storage.k8s.io", "v1", "volumesnapshotdatas", "VolumeSnapshotData");

    public VolumeSnapshotDataLinkProviderFactory() {
        // A CRD: clusters without OpenEBS's snapshot controller do not serve it.
        super(ProviderDeclaration.of(SpiVersion.CURRENT, "VolumeSnapshotData", VOLUME_SNAPSHOT_DATAS,
                        ScopeTopology.VOLUME_SNAPSHOT_DATA)
                .optionalApi()
                .standardVariables()
                .field("snapshotNamespace", "spec.volumeSnapshotRef.namespace", "the namespace of the VolumeSnapshot "
                        + "it belongs to", "shop")
                .field("snapshotName", "spec.volumeSnapshotRef.name", "the name of that VolumeSnapshot", "db-nightly")
                .field("persistentVolumeName", "spec.persistentVolumeRef.name", "the PersistentVolume it was taken of",
                        "pvc-0b6c6a3e")
                .field("openebsSnapshotId", "spec.openebsVolume.snapshotId", "OpenEBS's id of the snapshot",
                        "pvc-0b6c6a3e_db-nightly_1732500000"));
    }
}
