package dev.scopelinks.providers.storageclasses;

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
 * Links for Storage Classs, on Scope's {@code StorageClass} nodes ({@code <uid>;<storage_class>}).
 *
 * <p>Variables: the standard ones ({@code name}, {@code namespace}, {@code uid}, {@code kind},
 * {@code labels.<key>}, {@code annotations.<key>}) and
 * <ul>
 *   <li>{@code provisioner}: the volume provisioner (provisioner), e.g. {@code ebs.csi.aws.com};</li>
 *   <li>{@code reclaimPolicy}: what happens to released volumes (reclaimPolicy), e.g. {@code Delete};</li>
 *   <li>{@code volumeBindingMode}: when volumes are bound (volumeBindingMode), e.g. {@code WaitForFirstConsumer};</li>
 *   <li>{@code isDefault}: true when annotated as the cluster's default class, else false, e.g. {@code true}.</li>
 * </ul>
 */
public final class StorageClassLinkProviderFactory implements LinkProviderFactory {

    /** StorageClasses in {@code storage.k8s.io/v1}. */
    public static final ResourceType RESOURCE = ResourceType.clusterScoped("storage.k8s.io", "v1", "storageclasses", "StorageClass");

    private static final List<Variable> VARIABLES = ObjectVariables.standardAnd(
            new Variable("provisioner", "the volume provisioner (provisioner)", "ebs.csi.aws.com"),
            new Variable("reclaimPolicy", "what happens to released volumes (reclaimPolicy)", "Delete"),
            new Variable("volumeBindingMode", "when volumes are bound (volumeBindingMode)", "WaitForFirstConsumer"),
            new Variable("isDefault", "true when annotated as the cluster's default class, else false", "true"));

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return "StorageClass";
    }

    @Override
    public ResourceType watches() {
        return RESOURCE;
    }

    @Override
    public ScopeTopology topology() {
        return ScopeTopology.STORAGE_CLASS;
    }

    @Override
    public List<Variable> variables() {
        return VARIABLES;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of("provisioner", "reclaimPolicy", "volumeBindingMode",
                "metadata.annotations.storageclass.kubernetes.io/is-default-class");
    }

    @Override
    public LinkProvider create(ProviderContext context) {
        return StorageClassLinkProviderFactory::nodes;
    }

    private static List<ScopeNode> nodes(KubeObject o) {
        return List.of(ScopeNode.of(ScopeTopology.STORAGE_CLASS, o.uid(), ObjectVariables.standard(o)
                .put("provisioner", o.field("provisioner"))
                .put("reclaimPolicy", o.field("reclaimPolicy"))
                .put("volumeBindingMode", o.field("volumeBindingMode"))
                .put("isDefault", String.valueOf("true".equals(o.annotations().get("storageclass.kubernetes.io/is-default-class"))))
                .build()));
    }
}
