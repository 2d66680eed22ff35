package dev.scopelinks.providers.persistentvolumes;

import dev.scopelinks.spi.DeclaredLinkProviderFactory;
import dev.scopelinks.spi.ProviderDeclaration;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;

/**
 * Links for Persistent Volumes, on Scope's {@code PersistentVolume} nodes
 * ({@code <uid>;<persistent_volume>}). The variables are listed in {@code docs/variables.md},
 * generated from the declaration below.
 */
public final class PersistentVolumeLinkProviderFactory extends DeclaredLinkProviderFactory {

    /** PersistentVolumes in the core group. */
    public static final ResourceType RESOURCE = ResourceType.clusterScoped("", "v1", "persistentvolumes", "PersistentVolume");

    public PersistentVolumeLinkProviderFactory() {
        super(ProviderDeclaration.of(SpiVersion.CURRENT, "PersistentVolume", RESOURCE, ScopeTopology.PERSISTENT_VOLUME)
                .standardVariables()
                .field("storageClassName", "spec.storageClassName", "the StorageClass it belongs to", "fast-ssd")
                .field("capacity", "spec.capacity.storage", "its size", "10Gi")
                .field("claimNamespace", "spec.claimRef.namespace", "the namespace of the claim bound to it", "shop")
                .field("claimName", "spec.claimRef.name", "the name of the claim bound to it", "data-db-0")
                .field("csiDriver", "spec.csi.driver", "the CSI driver serving it", "ebs.csi.aws.com")
                .field("volumeHandle", "spec.csi.volumeHandle", "the storage system's id of the volume", "vol-0abc123")
                .field("phase", "status.phase", "the volume's phase", "Bound"));
    }
}
