package dev.scopelinks.host.cli;

import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plan.ProviderPlan;
import dev.scopelinks.spi.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The check behind {@code --namespaced}: the operator says this host may read only in the
 * namespaces its config lists (Roles, no ClusterRole). Cluster-wide kinds such as Node, Namespace,
 * PersistentVolume or StorageClass cannot be listed with such rights, so a plan that needs one is
 * refused before anything starts, instead of an informer that is forbidden forever and a readiness
 * probe that never passes.
 */
final class NamespacedAccess {

    private NamespacedAccess() {
    }

    /** Every reason {@code plan} cannot run with namespace-scoped rights; empty when it can. */
    static List<String> problems(LinkPlan plan) {
        List<String> problems = new ArrayList<>();
        String source = plan.config().source();
        if (plan.config().namespaces().isEmpty()) {
            problems.add(source + ": --namespaced needs the namespaces to watch; list them under 'namespaces:'");
        }
        for (ProviderPlan provider : plan.providers()) {
            Set<ResourceType> needed = new LinkedHashSet<>();
            needed.add(provider.watches());
            needed.addAll(provider.dependsOn());
            for (ResourceType type : needed) {
                if (!type.namespaced()) {
                    problems.add(source + ": provider " + provider.id() + " needs " + type
                            + ", which is cluster-wide and cannot be read with namespace-scoped rights; remove "
                            + provider.id() + " from the config, or run without --namespaced under a ClusterRole");
                }
            }
        }
        return problems;
    }

    /** Throws, naming every problem, when {@code plan} cannot run with namespace-scoped rights. */
    static void require(LinkPlan plan) throws InvalidInputException {
        List<String> problems = problems(plan);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(String.join("\n", problems) + "\n" + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + " with --namespaced; nothing was started.");
        }
    }
}
