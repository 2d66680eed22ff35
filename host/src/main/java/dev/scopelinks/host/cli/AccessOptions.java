package dev.scopelinks.host.cli;

import dev.scopelinks.host.plan.LinkPlan;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** {@code --namespaced}, shared by {@code serve} and {@code validate} so a config can be checked before it ships. */
final class AccessOptions {

    @Option(names = "--namespaced",
            description = "The host may read only in the config's namespaces (Roles, no ClusterRole): refuse providers "
                    + "of cluster-wide kinds (Node, Namespace, PersistentVolume, StorageClass) at start.")
    boolean namespaced;

    void check(LinkPlan plan) throws InvalidInputException {
        if (namespaced) {
            NamespacedAccess.require(plan);
        }
    }

    /** The same check for a config reloaded while running: the problems, empty when it may be applied. */
    Function<LinkPlan, List<String>> reloadCheck() {
        return namespaced ? NamespacedAccess::problems : plan -> List.of();
    }
}
