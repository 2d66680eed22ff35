package dev.scopelinks.providers.persistentvolumes;

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
 * Links for Persistent Volumes, on Scope's {@code PersistentVolume} nodes ({@code <uid>;<persistent_volume>}).
 *
 * <p>Variables: the standard ones ({@code name}, {@code namespace}, {@code uid}, {@code kind},
 * {@code labels.<key>}, {@code annotations.<key>}) and
 * <ul>
 *   <li>{@code storageClassName}: the StorageClass it belongs to (spec.storageClassName), e.g. {@code fast-ssd};</li>
 *   <li>{@code capacity}: its size (spec.capacity.storage), e.g. {@code 10Gi};</li>
 *   <li>{@code claimNamespace}: the namespace of the claim bound to it (spec.claimRef.namespace), e.g. {@code shop};</li>
 *   <li>{@code claimName}: the name of the claim bound to it (spec.claimRef.name), e.g. {@code data-db-0};</li>
 *   <li>{@code csiDriver}: the CSI driver serving it (spec.csi.driver), e.g. {@code ebs.csi.aws.com};</li>
 *   <li>{@code volumeHandle}: the storage system's id of the volume (spec.csi.volumeHandle), e.g. {@code vol-0abc123};</li>
 *   <li>{@code phase}: the volume's phase (status.phase), e.g. {@code Bound}.</li>
 * </ul>
 */
public final class PersistentVolumeLinkProviderFactory implements LinkProviderFactory {

    /** PersistentVolumes in the core group. */
    public static final ResourceType RESOURCE = ResourceType.clusterScoped("", "v1", "persistentvolumes", "PersistentVolume");

    private static final List<Variable> VARIABLES = ObjectVariables.standardAnd(
            new Variable("storageClassName", "the StorageClass it belongs to (spec.storageClassName)", "fast-ssd"),
            new Variable("capacity", "its size (spec.capacity.storage)", "10Gi"),
            new Variable("claimNamespace", "the namespace of the claim bound to it (spec.claimRef.namespace)", "shop"),
            new Variable("claimName", "the name of the claim bound to it (spec.claimRef.name)", "data-db-0"),
            new Variable("csiDriver", "the CSI driver serving it (spec.csi.driver)", "ebs.csi.aws.com"),
            new Variable("volumeHandle", "the storage system's id of the volume (spec.csi.volumeHandle)", "vol-0abc123"),
            new Variable("phase", "the volume's phase (status.phase)", "Bound"));

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return "PersistentVolume";
    }

    @Override
    public ResourceType watches() {
        return RESOURCE;
    }

    @Override
    public ScopeTopology topology() {
        return ScopeTopology.PERSISTENT_VOLUME;
    }

    @Override
    public List<Variable> variables() {
        return VARIABLES;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of("spec.storageClassName", "spec.capacity.storage", "spec.claimRef.namespace", "spec.claimRef.name", "spec.csi.driver", "spec.csi.volumeHandle", "status.phase");
    }

    @Override
    public LinkProvider create(ProviderContext context) {
        return PersistentVolumeLinkProviderFactory::nodes;
    }

    private static List<ScopeNode> nodes(KubeObject o) {
        return List.of(ScopeNode.of(ScopeTopology.PERSISTENT_VOLUME, o.uid(), ObjectVariables.standard(o)
                .put("storageClassName", o.field("spec.storageClassName"))
                .put("capacity", o.field("spec.capacity.storage"))
                .put("claimNamespace", o.field("spec.claimRef.namespace"))
                .put("claimName", o.field("spec.claimRef.name"))
                .put("csiDriver", o.field("spec.csi.driver"))
                .put("volumeHandle", o.field("spec.csi.volumeHandle"))
                .put("phase", o.field("status.phase"))
                .build()));
    }
}
