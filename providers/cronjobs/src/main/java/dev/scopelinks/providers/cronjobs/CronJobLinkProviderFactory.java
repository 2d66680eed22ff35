package dev.scopelinks.providers.cronjobs;

import dev.scopelinks.spi.DeclaredLinkProviderFactory;
import dev.scopelinks.spi.ProviderDeclaration;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;

/**
 * Links for Cron Jobs, on Scope's {@code CronJob} nodes ({@code <uid>;<cronjob>}). The variables
 * are listed in {@code docs/variables.md}, generated from the declaration below.
 *
 * <p>Scope v1.13.2 reads CronJobs only through {@code batch/v1beta1}, which Kubernetes stopped
 * serving in 1.25: on such clusters Scope shows no CronJobs, so this provider watches that version
 * only, as an optional API. Where the cluster does not serve it, the host reports the provider as
 * degraded, logs it once, emits no CronJob nodes, and keeps looking the API up, so nothing is drawn
 * as a ghost.
 */
public final class CronJobLinkProviderFactory extends DeclaredLinkProviderFactory {

    /** CronJobs in {@code batch/v1beta1}, the only version Scope v1.13.2 reads. */
    public static final ResourceType RESOURCE = ResourceType.namespaced("batch", "v1beta1", "cronjobs", "CronJob");

    public CronJobLinkProviderFactory() {
        super(ProviderDeclaration.of(SpiVersion.CURRENT, "CronJob", RESOURCE, ScopeTopology.CRON_JOB)
                .optionalApi()
                .standardVariables()
                .field("schedule", "spec.schedule", "the cron schedule", "0 2 * * *")
                .field("suspend", "spec.suspend", "whether runs are suspended", "false"));
    }
}
