package org.example.snapshots;

import dev.scopelinks.spi.DeclaredLinkProviderFactory;
import dev.scopelinks.spi.ProviderDeclaration;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;

/**
 * Links for OpenEBS volume snapshots ({@code VolumeSnapshot} in
 * {@code volumesnapshot.external-storage.k8s.io/v1}), on Scope's {@code VolumeSnapshot} nodes
 * ({@code <uid>;<volume_snapshot>}). Scope reads these from OpenEBS's CRD, not from
 * {@code snapshot.storage.k8s.io}; clusters without the CRD get no nodes, and the host picks the CRD
 * up once it is installed.
 */
public final class VolumeSnapshotLinkProviderFactory extends DeclaredLinkProviderFactory {

    /** OpenEBS's snapshots, a namespaced CRD. */
    public static final ResourceType VOLUME_SNAPSHOTS = ResourceType.namespaced(
            "volumesnapshot.external-storage.k8s.io", "v1", "volumesnapshots", "VolumeSnapshot");

    public VolumeSnapshotLinkProviderFactory() {
        // A CRD: clusters without OpenEBS's snapshot controller do not serve it.
        super(ProviderDeclaration.of(SpiVersion.CURRENT, "VolumeSnapshot", VOLUME_SNAPSHOTS, ScopeTopology.VOLUME_SNAPSHOT)
                .optionalApi()
                .standardVariables()
                .field("claimName", "spec.persistentVolumeClaimName", "the PersistentVolumeClaim the snapshot was "
                        + "taken of", "data-db-0")
                .field("snapshotDataName", "spec.snapshotDataName", "the VolumeSnapshotData bound to it",
                        "k8s-volume-snapshot-2f1c"));
    }
}
