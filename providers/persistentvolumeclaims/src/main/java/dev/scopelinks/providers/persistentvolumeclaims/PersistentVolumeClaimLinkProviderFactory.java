package dev.scopelinks.providers.persistentvolumeclaims;

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
 * Links for Persistent Volume Claims, on Scope's {@code PersistentVolumeClaim} nodes ({@code <uid>;<persistent_volume_claim>}).
 *
 * <p>Variables: the standard ones ({@code name}, {@code namespace}, {@code uid}, {@code kind},
 * {@code labels.<key>}, {@code annotations.<key>}) and
 * <ul>
 *   <li>{@code storageClassName}: the StorageClass requested (spec.storageClassName), e.g. {@code fast-ssd};</li>
 *   <li>{@code volumeName}: the PersistentVolume bound to it (spec.volumeName), e.g. {@code pvc-0b6c6a3e};</li>
 *   <li>{@code requestedStorage}: the size requested (spec.resources.requests.storage), e.g. {@code 10Gi};</li>
 *   <li>{@code capacity}: the size bound (status.capacity.storage), e.g. {@code 10Gi};</li>
 *   <li>{@code phase}: the claim's phase (status.phase), e.g. {@code Bound}.</li>
 * </ul>
 */
public final class PersistentVolumeClaimLinkProviderFactory implements LinkProviderFactory {

    /** PersistentVolumeClaims in the core group. */
    public static final ResourceType RESOURCE = ResourceType.namespaced("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim");

    private static final List<Variable> VARIABLES = ObjectVariables.standardAnd(
            new Variable("storageClassName", "the StorageClass requested (spec.storageClassName)", "fast-ssd"),
            new Variable("volumeName", "the PersistentVolume bound to it (spec.volumeName)", "pvc-0b6c6a3e"),
            new Variable("requestedStorage", "the size requested (spec.resources.requests.storage)", "10Gi"),
            new Variable("capacity", "the size bound (status.capacity.storage)", "10Gi"),
            new Variable("phase", "the claim's phase (status.phase)", "Bound"));

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return "PersistentVolumeClaim";
    }

    @Override
    public ResourceType watches() {
        return RESOURCE;
    }

    @Override
    public ScopeTopology topology() {
        return ScopeTopology.PERSISTENT_VOLUME_CLAIM;
    }

    @Override
    public List<Variable> variables() {
        return VARIABLES;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of("spec.storageClassName", "spec.volumeName", "spec.resources.requests.storage", "status.capacity.storage", "status.phase");
    }

    @Override
    public LinkProvider create(ProviderContext context) {
        return PersistentVolumeClaimLinkProviderFactory::nodes;
    }

    private static List<ScopeNode> nodes(KubeObject o) {
        return List.of(ScopeNode.of(ScopeTopology.PERSISTENT_VOLUME_CLAIM, o.uid(), ObjectVariables.standard(o)
                .put("storageClassName", o.field("spec.storageClassName"))
                .put("volumeName", o.field("spec.volumeName"))
                .put("requestedStorage", o.field("spec.resources.requests.storage"))
                .put("capacity", o.field("status.capacity.storage"))
                .put("phase", o.field("status.phase"))
                .build()));
    }
}
