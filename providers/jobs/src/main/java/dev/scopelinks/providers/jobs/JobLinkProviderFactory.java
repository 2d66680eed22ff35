package dev.scopelinks.providers.jobs;

import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.LinkProvider;
import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.spi.ObjectVariables;
import dev.scopelinks.spi.OwnerChain;
import dev.scopelinks.spi.OwnerReference;
import dev.scopelinks.spi.ProviderContext;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeNode;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;
import dev.scopelinks.spi.Variable;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Links for Jobs, on Scope's {@code Job} nodes ({@code <uid>;<job>}).
 *
 * <p>Variables: the standard ones ({@code name}, {@code namespace}, {@code uid}, {@code kind},
 * {@code labels.<key>}, {@code annotations.<key>}) and
 * <ul>
 *   <li>{@code completions}: Pods that must succeed (spec.completions), e.g. {@code 1};</li>
 *   <li>{@code parallelism}: Pods run at once (spec.parallelism), e.g. {@code 1};</li>
 *   <li>{@code ownerKind}: the kind of the Job's controlling owner, CronJob for scheduled Jobs, e.g. {@code CronJob};</li>
 *   <li>{@code ownerName}: the name of the Job's controlling owner, e.g. {@code nightly-backup}.</li>
 * </ul>
 */
public final class JobLinkProviderFactory implements LinkProviderFactory {

    /** Jobs in {@code batch/v1}. */
    public static final ResourceType RESOURCE = ResourceType.namespaced("batch", "v1", "jobs", "Job");

    private static final List<Variable> VARIABLES = ObjectVariables.standardAnd(
            new Variable("completions", "Pods that must succeed (spec.completions)", "1"),
            new Variable("parallelism", "Pods run at once (spec.parallelism)", "1"),
            new Variable("ownerKind", "the kind of the Job's controlling owner, CronJob for scheduled Jobs", "CronJob"),
            new Variable("ownerName", "the name of the Job's controlling owner", "nightly-backup"));

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return "Job";
    }

    @Override
    public ResourceType watches() {
        return RESOURCE;
    }

    @Override
    public ScopeTopology topology() {
        return ScopeTopology.JOB;
    }

    @Override
    public List<Variable> variables() {
        return VARIABLES;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of("spec.completions", "spec.parallelism");
    }

    @Override
    public LinkProvider create(ProviderContext context) {
        return JobLinkProviderFactory::nodes;
    }

    private static List<ScopeNode> nodes(KubeObject o) {
        Optional<OwnerReference> owner = OwnerChain.controller(o);
        return List.of(ScopeNode.of(ScopeTopology.JOB, o.uid(), ObjectVariables.standard(o)
                .put("completions", o.field("spec.completions"))
                .put("parallelism", o.field("spec.parallelism"))
                .put("ownerKind", owner.map(OwnerReference::kind))
                .put("ownerName", owner.map(OwnerReference::name))
                .build()));
    }
}
