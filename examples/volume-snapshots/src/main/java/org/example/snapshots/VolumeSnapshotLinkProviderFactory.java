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
 * Links for OpenEBS volume snapshots ({@code VolumeSnapshot} in
 * {@code volumesnapshot.external-storage.k8s.io/v1}), on Scope's {@code VolumeSnapshot} nodes
 * ({@code <uid>;<volume_snapshot>}). Scope reads these from OpenEBS's CRD, not from
 * {@code snapshot.storage.k8s.io}; clusters without the CRD get no nodes, and the host picks the CRD
 * up once it is installed.
 *
 * <p>Variables: the standard ones and
 * <ul>
 *   <li>{@code claimName}: the snapshotted claim, {@code spec.persistentVolumeClaimName}, e.g. {@code data-db-0};</li>
 *   <li>{@code snapshotDataName}: the bound {@code VolumeSnapshotData}, {@code spec.snapshotDataName},
 *       e.g. {@code k8s-volume-snapshot-2f1c}.</li>
 * </ul>
 */
public final class VolumeSnapshotLinkProviderFactory implements LinkProviderFactory {

    /** OpenEBS's snapshots, a namespaced CRD. */
    public static final ResourceType VOLUME_SNAPSHOTS = ResourceType.namespaced(
            "volumesnapshot.external-storage.k8s.io", "v1", "volumesnapshots", "VolumeSnapshot");

    private static final List<Variable> VARIABLES = ObjectVariables.standardAnd(
            new Variable("claimName", "the PersistentVolumeClaim the snapshot was taken of "
                    + "(spec.persistentVolumeClaimName)", "data-db-0"),
            new Variable("snapshotDataName", "the VolumeSnapshotData bound to it (spec.snapshotDataName)",
                    "k8s-volume-snapshot-2f1c"));

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return "VolumeSnapshot";
    }

    @Override
    public ResourceType watches() {
        return VOLUME_SNAPSHOTS;
    }

    @Override
    public ScopeTopology topology() {
        return ScopeTopology.VOLUME_SNAPSHOT;
    }

    @Override
    public List<Variable> variables() {
        return VARIABLES;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of("spec.persistentVolumeClaimName", "spec.snapshotDataName");
    }

    /** A CRD: clusters without OpenEBS's snapshot controller do not serve it. */
    @Override
    public boolean watchesOptionalApi() {
        return true;
    }

    @Override
    public LinkProvider create(ProviderContext context) {
        return VolumeSnapshotLinkProviderFactory::nodes;
    }

    private static List<ScopeNode> nodes(KubeObject snapshot) {
        return List.of(ScopeNode.of(ScopeTopology.VOLUME_SNAPSHOT, snapshot.uid(), ObjectVariables.standard(snapshot)
                .put("claimName", snapshot.field("spec.persistentVolumeClaimName"))
                .put("snapshotDataName", snapshot.field("spec.snapshotDataName"))
                .build()));
    }
}
