package dev.scopelinks.providers.cronjobs;

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
 * Links for Cron Jobs, on Scope's {@code CronJob} nodes ({@code <uid>;<cronjob>}).
 *
 * <p>Scope v1.13.2 reads CronJobs only through {@code batch/v1beta1}, which Kubernetes stopped
 * serving in 1.25: on such clusters Scope shows no CronJobs, so this provider watches that version
 * only. Where the cluster does not serve it, the host reports the provider as degraded, logs it
 * once, emits no CronJob nodes, and keeps looking the API up, so nothing is drawn as a ghost.
 *
 * <p>Variables: the standard ones ({@code name}, {@code namespace}, {@code uid}, {@code kind},
 * {@code labels.<key>}, {@code annotations.<key>}) and
 * <ul>
 *   <li>{@code schedule}: the cron schedule (spec.schedule), e.g. {@code 0 2 * * *};</li>
 *   <li>{@code suspend}: whether runs are suspended (spec.suspend), e.g. {@code false}.</li>
 * </ul>
 */
public final class CronJobLinkProviderFactory implements LinkProviderFactory {

    /** CronJobs in {@code batch/v1beta1}, the only version Scope v1.13.2 reads. */
    public static final ResourceType RESOURCE = ResourceType.namespaced("batch", "v1beta1", "cronjobs", "CronJob");

    private static final List<Variable> VARIABLES = ObjectVariables.standardAnd(
            new Variable("schedule", "the cron schedule (spec.schedule)", "0 2 * * *"),
            new Variable("suspend", "whether runs are suspended (spec.suspend)", "false"));

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String id() {
        return "CronJob";
    }

    @Override
    public ResourceType watches() {
        return RESOURCE;
    }

    @Override
    public ScopeTopology topology() {
        return ScopeTopology.CRON_JOB;
    }

    @Override
    public List<Variable> variables() {
        return VARIABLES;
    }

    @Override
    public Set<String> fieldsRead() {
        return Set.of("spec.schedule", "spec.suspend");
    }

    /** {@code batch/v1beta1} is gone from Kubernetes 1.25 on; see the class documentation. */
    @Override
    public boolean watchesOptionalApi() {
        return true;
    }

    @Override
    public LinkProvider create(ProviderContext context) {
        return CronJobLinkProviderFactory::nodes;
    }

    private static List<ScopeNode> nodes(KubeObject o) {
        return List.of(ScopeNode.of(ScopeTopology.CRON_JOB, o.uid(), ObjectVariables.standard(o)
                .put("schedule", o.field("spec.schedule"))
                .put("suspend", o.field("spec.suspend"))
                .build()));
    }
}
