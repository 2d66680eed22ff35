package dev.scopelinks.providers.jobs;

import dev.scopelinks.spi.DeclaredLinkProviderFactory;
import dev.scopelinks.spi.ProviderDeclaration;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;

/**
 * Links for Jobs, on Scope's {@code Job} nodes ({@code <uid>;<job>}); {@code ownerKind} is
 * {@code CronJob} for scheduled Jobs. The variables are listed in {@code docs/variables.md},
 * generated from the declaration below.
 */
public final class JobLinkProviderFactory extends DeclaredLinkProviderFactory {

    /** Jobs in {@code batch/v1}. */
    public static final ResourceType RESOURCE = ResourceType.namespaced("batch", "v1", "jobs", "Job");

    public JobLinkProviderFactory() {
        super(ProviderDeclaration.of(SpiVersion.CURRENT, "Job", RESOURCE, ScopeTopology.JOB)
                .standardVariables()
                .field("completions", "spec.completions", "Pods that must succeed", "1")
                .field("parallelism", "spec.parallelism", "Pods run at once", "1")
                .owner("CronJob", "nightly-backup"));
    }
}
