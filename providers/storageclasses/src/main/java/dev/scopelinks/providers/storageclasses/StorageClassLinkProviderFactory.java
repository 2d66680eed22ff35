package dev.scopelinks.providers.storageclasses;

import dev.scopelinks.spi.DeclaredLinkProviderFactory;
import dev.scopelinks.spi.ProviderDeclaration;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;
import java.util.Set;

/**
 * Links for Storage Classes, on Scope's {@code StorageClass} nodes ({@code <uid>;<storage_class>}).
 * The variables are listed in {@code docs/variables.md}, generated from the declaration below.
 */
public final class StorageClassLinkProviderFactory extends DeclaredLinkProviderFactory {

    /** StorageClasses in {@code storage.k8s.io/v1}. */
    public static final ResourceType RESOURCE = ResourceType.clusterScoped("storage.k8s.io", "v1", "storageclasses",
            "StorageClass");

    /** The annotation that marks the class claims get when they name none. */
    private static final String DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";

    public StorageClassLinkProviderFactory() {
        super(ProviderDeclaration.of(SpiVersion.CURRENT, "StorageClass", RESOURCE, ScopeTopology.STORAGE_CLASS)
                .standardVariables()
                .field("provisioner", "provisioner", "the volume provisioner", "ebs.csi.aws.com")
                .field("reclaimPolicy", "reclaimPolicy", "what happens to released volumes", "Delete")
                .field("volumeBindingMode", "volumeBindingMode", "when volumes are bound", "WaitForFirstConsumer")
                .computed("isDefault", "true when annotated as the cluster's default class, else false", "true",
                        Set.of("metadata.annotations." + DEFAULT_CLASS), storageClass -> String.valueOf("true".equals(storageClass.annotations().get(DEFAULT_CLASS)))));
    }
}
