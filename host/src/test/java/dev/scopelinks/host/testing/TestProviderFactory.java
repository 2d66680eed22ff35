package dev.scopelinks.host.testing;

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
 * A provider for the host's own tests: the standard variables plus {@code phase} and
 * {@code image}, for one resource and topology. The real providers live in their own modules,
 * which depend on the SPI only, so the host is tested without them.
 */
public abstract class TestProviderFactory implements LinkProviderFactory {

    private final String id;
    private final ResourceType resource;
    private final ScopeTopology topology;

    protected TestProviderFactory(String id, ResourceType resource, ScopeTopology topology) {
        this.id = id;
        this.resource = resource;
        this.topology = topology;
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ResourceType watches() {
        return resource;
    }

    @Override
    public ScopeTopology topology() {
        return topology;
    }

    @Override
    public List<Variable> variables() {
        return ObjectVariables.standardAnd(Variable.of("phase", "status.phase", "Running"),
                Variable.of("image", "the first container's image", "nginx:1.27"));
    }

    /** What {@link #nodes} reads beyond the metadata: the host caches only declared fields. */
    @Override
    public Set<String> fieldsRead() {
        return Set.of("status.phase", "spec.containers");
    }

    @Override
    public LinkProvider create(ProviderContext context) {
        return this::nodes;
    }

    private List<ScopeNode> nodes(KubeObject object) {
        return List.of(ScopeNode.of(topology, object.uid(), ObjectVariables.standard(object)
                .put("phase", object.field("status.phase"))
                .put("image", object.list("spec.containers").stream().findFirst()
                        .flatMap(container -> container.field("image")))
                .build()));
    }

    /** Deployments in apps/v1. */
    public static final class Deployments extends TestProviderFactory {
        public Deployments() {
            super("Deployment", ResourceType.namespaced("apps", "v1", "deployments", "Deployment"),
                    ScopeTopology.DEPLOYMENT);
        }
    }

    /** Services in v1. */
    public static final class Services extends TestProviderFactory {
        public Services() {
            super("Service", ResourceType.namespaced("", "v1", "services", "Service"), ScopeTopology.SERVICE);
        }
    }

    /** Pods in v1. */
    public static final class Pods extends TestProviderFactory {
        public Pods() {
            super("Pod", ResourceType.namespaced("", "v1", "pods", "Pod"), ScopeTopology.POD);
        }
    }
}
