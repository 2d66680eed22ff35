package dev.scopelinks.providers.persistentvolumeclaims;

import dev.scopelinks.spi.DeclaredLinkProviderFactory;
import dev.scopelinks.spi.ProviderDeclaration;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;

/**
 * Links for Persistent Volume Claims, on Scope's {@code PersistentVolumeClaim} nodes
 * ({@code <uid>;<persistent_volume_claim>}). The variables are listed in {@code docs/variables.md},
 * generated from the declaration below.
 */
public final class PersistentVolumeClaimLinkProviderFactory extends DeclaredLinkProviderFactory {

    /** PersistentVolumeClaims in the core group. */
    public static final ResourceType RESOURCE = ResourceType.namespaced("", "v1", "persistentvolumeclaims",
            "PersistentVolumeClaim");

    public PersistentVolumeClaimLinkProviderFactory() {
        super(ProviderDeclaration.of(SpiVersion.CURRENT, "PersistentVolumeClaim", RESOURCE,
                        ScopeTopology.PERSISTENT_VOLUME_CLAIM)
                .standardVariables()
                .field("storageClassName", "spec.storageClassName", "the StorageClass requested", "fast-ssd")
                .field("volumeName", "spec.volumeName", "the PersistentVolume bound to it", "pvc-0b6c6a3e")
                .field("requestedStorage", "spec.resources.requests.storage", "the size requested", "10Gi")
                .field("capacity", "status.capacity.storage", "the size bound", "10Gi")
                .field("phase", "status.phase", "the claim's phase", "Bound"));
    }
}
