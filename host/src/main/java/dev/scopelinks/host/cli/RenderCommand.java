package dev.scopelinks.host.cli;

import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.watch.YamlObjects;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.ObjectLookup;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scope-links render}: what links an object would get, from a file without a cluster, or live. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Print the Scope node id and every link an object would get, or why a link is left off.",
            "With -f the objects come from YAML and no cluster is asked (look-ups of related objects find "
                + "nothing); with KIND/NAME the object is read from the cluster, as 'links' does."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  scope-links render --config conf/scope-links.yaml -f pod.yaml",
            "  kubectl get deploy web -o yaml | scope-links render --config links.yaml -f -",
            "  scope-links render --config links.yaml deploy/web -n shop",
            "",
            "Exit codes: 0 rendered, 1 the object is not in the cluster or it did not answer, "
                    + "2 invalid config, object file or options."})
final class RenderCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "The links config.")
    Path config;

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE",
            description = "The object(s) as YAML, as kubectl get -o yaml prints them; '-' reads stdin.")
    String objectFile;

    @Parameters(arity = "0..2", paramLabel = "KIND/NAME",
            description = "Instead of -f: the live object, as kubectl names it (deploy/web, svc/web, po/web-1).")
    List<String> object;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json, for scripts (with -f: a JSON array, one entry per object).")
    LinksCommand.Output output;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Mixin
    ProviderOptions providers = new ProviderOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean live = object != null && !object.isEmpty();
        if (live == (objectFile != null)) {
            throw new InvalidInputException("name the objects either with -f FILE or as KIND/NAME, one of the two");
        }
        ProviderCatalog catalog = providers.load();
        LinkPlan plan = ConfigPlanner.planOrReject(config, catalog);
        PrintWriter out = spec.commandLine().getOut();
        if (live) {
            LinksCommand.print(out, output, LinksCommand.readLive(plan, object, cluster));
            return ExitCodes.OK;
        }
        List<KubeObject> objects;
        try {
            objects = YamlObjects.read(readObjects());
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("cannot read objects from " + objectFile + ": " + e.getMessage());
        }
        // Without a cluster, lookups of other objects find nothing; providers treat that as "unknown".
        LinkExplainer explainer = new LinkExplainer(plan, ObjectLookup.none());
        List<LinkExplainer.ObjectLinks> explained = objects.stream().map(explainer::explain).toList();
        if (output == LinksCommand.Output.JSON) {
            out.println(LinkExplainer.json(explained));
        } else {
            explained.forEach(links -> LinkExplainer.printText(out, links));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private String readObjects() throws IOException {
        if (objectFile.equals("-")) {
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return Files.readString(Path.of(objectFile), StandardCharsets.UTF_8);
    }
}
