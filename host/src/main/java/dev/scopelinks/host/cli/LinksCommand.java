package dev.scopelinks.host.cli;

import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plan.ProviderPlan;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.ResourceType;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scope-links links KIND/NAME}: the links one live object gets, read through the kubeconfig. */
@Command(name = "links", mixinStandardHelpOptions = true,
        description = {"Read one object from the cluster and print the Scope node id and every link it gets with "
                + "this config, or why a link is left off (condition false, missing variable, unsafe URL...).",
            "Installed as kubectl-links on PATH, this is 'kubectl links KIND/NAME'."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  scope-links links deployment/web -n shop",
            "  scope-links links po/web-7d4b9-x2x8q -n shop --context prod -o json",
            "  kubectl links deploy/web -n shop --config links.yaml",
            "",
            "Exit codes: 0 printed, 1 the object is not there or the cluster did not answer, 2 invalid config, "
                    + "kind or options."})
final class LinksCommand implements Callable<Integer> {

    /** How the result is printed. */
    enum Output {
        TEXT, JSON
    }

    @Parameters(arity = "1..2", paramLabel = "KIND/NAME",
            description = "The object, as kubectl names it: deployment/web, deploy/web, svc/web, po/web-1, "
                    + "deployments.apps/web, or KIND NAME.")
    List<String> object;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The links config (default: conf/scope-links.yaml beside the installation, as serve).")
    Path config;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json, for scripts.")
    Output output;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Mixin
    ProviderOptions providers = new ProviderOptions();

    @Mixin
    LogOptions logging = new LogOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path configFile = Installation.configOrDefault(config);
        ProviderCatalog catalog = providers.load();
        LinkPlan plan = ConfigPlanner.planOrReject(configFile, catalog);
        LinkExplainer.ObjectLinks links = readLive(plan, object, cluster);
        print(spec.commandLine().getOut(), output, links);
        return ExitCodes.OK;
    }

    /** Reads the object {@code words} names through {@code cluster} and explains its links; shared with render. */
    static LinkExplainer.ObjectLinks readLive(LinkPlan plan, List<String> words, ClusterOptions cluster)
            throws InvalidInputException, CommandFailedException {
        ObjectReference reference = ObjectReference.parse(words);
        Set<ResourceType> served = new LinkedHashSet<>();
        plan.providers().stream().map(ProviderPlan::watches).forEach(served::add);
        ResourceType type = reference.resolve(served);
        Config config = cluster.config();
        String namespace = cluster.namespace(config);
        try (KubernetesClient client = ClusterOptions.client(config)) {
            ClusterReader reader = new ClusterReader(client, plan.watchedResources(), namespace);
            KubeObject live = reader.get(type, namespace, reference.name());
            return new LinkExplainer(plan, reader).explain(live);
        }
    }

    static void print(PrintWriter out, Output output, LinkExplainer.ObjectLinks links) {
        if (output == Output.JSON) {
            out.println(LinkExplainer.json(links));
        } else {
            LinkExplainer.printText(out, links);
        }
        out.flush();
    }
}
