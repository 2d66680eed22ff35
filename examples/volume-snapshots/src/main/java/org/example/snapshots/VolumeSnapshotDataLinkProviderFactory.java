package org.example.snapshots;

import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.LinkProvider;
import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.spi.ObjectVariables;
import dev.scopelinks.spi.ProviderContext;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeNode;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;
import dev.scopelinks.spi.Variable;
import java.util.List;
import java.util.Set;

/**
 * Links for OpenEBS's {@code VolumeSnapshotData} (cluster-scoped, in
 * {@code volumesnapshot.external-storage.k8s.io/v1}), on Scope's {@code VolumeSnapshotData} nodes
 * ({@code <uid>;<volume_snapshot_data>}).
 *
 * <p>Variables: the standard ones and
 * <ul>
 *   <li>{@code snapshotNamespace}, {@code snapshotName}: the {@code VolumeSnapshot} it belongs to
 *       ({@code spec.volumeSnapshotRef}), e.g. {@code shop} and {@code db-nightly};</li>
 *   <li>{@code persistentVolumeName}: the volume it was taken of ({@code spec.persistentVolumeRef.name});</li>
 *   <li>{@code openebsSnapshotId}: OpenEBS's own id of the snapshot ({@code spec.openebsVolume.snapshotId}).</li>
 * </ul>
 */
public final class VolumeSnapshotDataLinkProviderFactory implements LinkProviderFactory {

    /** OpenEBS's snapshot data, a cluster-scoped CRD. */
    public static final ResourceType VOLUME_SNAPSHOT_DATAS = ResourceType.clusterScoped(
            "volumesnapshot.external-storage.k8s.io", "v1", "volumesnapshotdatas", "VolumeSnapshotData");

    private static final List<Variable> VARIABLES = ObjectVariables.standardAnd(
            new Variable("snapshotNamespace", "the namespace of the VolumeSnapshot it belongs to "
                    + "(spec.volumeSnapshotRef.namespace)", "shop"),
            new Variable("snapshotName", "the name of that VolumeSnapshot (spec.volumeSnapshotRef.name)",
                    "db-nightly"),
            new Variable("persistentVolumeName", "the PersistentVolume it was taken of "
                    + "(spec.persistentVolumeRef.name)", "pvc-0b6c6a3e"),
            new Variable("openebsSnapshotId", "OpenEBS's id of the snapshot (spec.openebsVolume.snapshotId)",
                    "pvc-0b6c6a3e_db-nightly_1732500000"));

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return "VolumeSnapshotData";
    }

    @Override
    public ResourceType watches() {
        return VOLUME_SNAPSHOT_DATAS;
    }

    @Override
    public ScopeTopology topology() {
        return ScopeTopology.VOLUME_SNAPSHOT_DATA;
    }

    @Override
    public List<Variable> variables() {
        return VARIABLES;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of("spec.volumeSnapshotRef", "spec.persistentVolumeRef.name", "spec.openebsVolume.snapshotId");
    }

    /** A CRD: clusters without OpenEBS's snapshot controller do not serve it. */
    @Override
    public boolean watchesOptionalApi() {
        return true;
    }

    @Override
    public LinkProvider create(ProviderContext context) {
        return VolumeSnapshotDataLinkProviderFactory::nodes;
    }

    private static List<ScopeNode> nodes(KubeObject data) {
        return List.of(ScopeNode.of(ScopeTopology.VOLUME_SNAPSHOT_DATA, data.uid(), ObjectVariables.standard(data)
                .put("snapshotNamespace", data.field("spec.volumeSnapshotRef.namespace"))
                .put("snapshotName", data.field("spec.volumeSnapshotRef.name"))
                .put("persistentVolumeName", data.field("spec.persistentVolumeRef.name"))
                .put("openebsSnapshotId", data.field("spec.openebsVolume.snapshotId"))
                .build()));
    }
}
