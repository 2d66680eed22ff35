package dev.scopelinks.host.cli;

import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.render.ObjectRenderer;
import dev.scopelinks.host.plan.ProviderPlan;
import dev.scopelinks.host.watch.YamlObjects;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.ProviderContext;
import dev.scopelinks.spi.ObjectLookup;
import dev.scopelinks.spi.ResourceType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scope-links render}: what links an object would get, without a cluster. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Print the Scope node id and every link an object would get, or why a link is left off.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  scope-links render --config conf/scope-links.yaml -f pod.yaml",
            "  kubectl get deploy web -o yaml | scope-links render --config links.yaml -f -",
            "",
            "Exit codes: 0 rendered, 2 invalid config, object file or options."})
final class RenderCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "The links config.")
    Path config;

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE", required = true,
            description = "The object(s) as YAML, as kubectl get -o yaml prints them; '-' reads stdin.")
    String objectFile;

    @Mixin
    ProviderOptions providers = new ProviderOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ProviderCatalog catalog = providers.load();
        LinkPlan plan = ConfigPlanner.planOrReject(config, catalog);
        List<KubeObject> objects;
        try {
            objects = YamlObjects.read(readObjects());
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("cannot read objects from " + objectFile + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        // Without a cluster, lookups of other objects find nothing; providers treat that as "unknown".
        ProviderContext context = new ProviderContext(plan.config().cluster(), new NoObjects());
        for (KubeObject object : objects) {
            out.printf("%s %s%s%n", object.kind(), object.namespace().map(ns -> ns + "/").orElse(""), object.name());
            boolean served = false;
            for (ProviderPlan provider : plan.providers()) {
                if (!serves(provider.watches(), object)) {
                    continue;
                }
                served = true;
                ObjectRenderer renderer = new ObjectRenderer(provider, provider.provider().factory().create(context),
                        (p, l, o, s) -> { });
                List<ObjectRenderer.NodeOutcomes> nodes = renderer.explain(object);
                if (nodes.isEmpty()) {
                    out.printf("  %s: no Scope node for this object%n", provider.id());
                }
                for (ObjectRenderer.NodeOutcomes node : nodes) {
                    out.printf("  %s node %s%n", provider.id(), node.nodeId());
                    for (ObjectRenderer.Outcome outcome : node.outcomes()) {
                        if (outcome.rendered()) {
                            out.printf("    %-12s %s%n", outcome.id(), outcome.url());
                        } else {
                            out.printf("    %-12s skipped (%s): %s%n", outcome.id(), outcome.skipped().reason(),
                                    outcome.skipped().detail());
                        }
                    }
                }
            }
            if (!served) {
                out.printf("  no configured provider watches %s %s%n", object.apiVersion(), object.kind());
            }
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

    private static boolean serves(ResourceType type, KubeObject object) {
        String apiVersion = type.group().isEmpty() ? type.version() : type.group() + "/" + type.version();
        return type.kind().equals(object.kind()) && apiVersion.equals(object.apiVersion());
    }

    /** The lookups of a cluster that has nothing. */
    private static final class NoObjects implements ObjectLookup {
        @Override
        public Optional<KubeObject> byName(ResourceType type, String namespace, String name) {
            return Optional.empty();
        }

        @Override
        public Optional<KubeObject> byUid(String uid) {
            return Optional.empty();
        }
    }
}
