package dev.scopelinks.host.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.host.config.ConfigLoader;
import dev.scopelinks.host.plugin.LoadedProvider;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.testing.TestProviderFactory;
import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.spi.ObjectVariables;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.Variable;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkPlanTest {

    private static final ResourceType PODS = ResourceType.namespaced("", "v1", "pods", "Pod");
    private static final ResourceType REPLICA_SETS = ResourceType.namespaced("apps", "v1", "replicasets", "ReplicaSet");
    private static final ResourceType CRON_JOBS = ResourceType.namespaced("batch", "v1beta1", "cronjobs", "CronJob");

    /** Pods that look up ReplicaSets, but only for {@code workloadName}. */
    static final class PodsWithWorkload extends TestProviderFactory {
        PodsWithWorkload() {
            super("Pod", PODS, ScopeTopology.POD);
        }

        @Override
        public List<Variable> variables() {
            return ObjectVariables.standardAnd(Variable.of("workloadName", "the workload", "web"));
        }

        @Override
        public Set<ResourceType> dependsOn() {
            return Set.of(REPLICA_SETS);
        }

        @Override
        public Set<ResourceType> dependsOn(Set<String> usedVariables) {
            return usedVariables.contains("workloadName") ? Set.of(REPLICA_SETS) : Set.of();
        }
    }

    /** CronJobs in an API version newer clusters no longer serve. */
    static final class OptionalCronJobs extends TestProviderFactory {
        OptionalCronJobs() {
            super("CronJob", CRON_JOBS, ScopeTopology.CRON_JOB);
        }

        @Override
        public boolean watchesOptionalApi() {
            return true;
        }
    }

    @Test
    void watchesALookedUpResourceOnlyWhenATemplateUsesTheVariableThatNeedsIt() throws Exception {
        LinkPlan withoutWorkload = plan("""
                providers:
                  Pod:
                    links: [{id: a, label: A, url: "https://a.example/{{namespace}}/{{name}}"}]
                """, new PodsWithWorkload());
        LinkPlan withWorkload = plan("""
                providers:
                  Pod:
                    links: [{id: a, label: A, url: "https://a.example/{{namespace}}/{{workloadName}}"}]
                """, new PodsWithWorkload());

        assertThat(withoutWorkload.watchedResources()).containsExactly(PODS);
        assertThat(withWorkload.watchedResources()).containsExactly(PODS, REPLICA_SETS);
        assertThat(withWorkload.providers().get(0).usedVariables()).contains("workloadName", "namespace");
    }

    @Test
    void marksOnlyTheResourcesOfOptionalProvidersAsOptional() throws Exception {
        LinkPlan plan = plan("""
                providers:
                  Pod:
                    links: [{id: a, label: A, url: "https://a.example/{{name}}"}]
                  CronJob:
                    links: [{id: a, label: A, url: "https://a.example/{{name}}"}]
                """, new PodsWithWorkload(), new OptionalCronJobs());

        assertThat(plan.watchedResources()).containsExactly(PODS, CRON_JOBS);
        assertThat(plan.optionalResources()).containsExactly(CRON_JOBS);
    }

    private static LinkPlan plan(String yaml, LinkProviderFactory... factories) throws Exception {
        Map<String, LoadedProvider> providers = new LinkedHashMap<>();
        for (LinkProviderFactory factory : factories) {
            providers.put(factory.id(), new LoadedProvider(factory, "test"));
        }
        return new LinkPlanner().plan(new ConfigLoader(name -> null).load("test.yaml",
                new StringReader("apiVersion: scope-links/v1\n" + yaml)), new ProviderCatalog(providers, List.of()));
    }
}
