package dev.scopelinks.host.cli;

import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plan.ProviderPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scope-links validate FILE}: check a config without touching a cluster. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a links config against the installed providers; print every error with file:line:col.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  scope-links validate conf/scope-links.yaml",
            "  scope-links validate --providers-dir ./providers links.yaml",
            "",
            "Exit codes: 0 valid, 2 invalid (every error is printed on stderr)."})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The config file to check.")
    Path file;

    @Mixin
    ProviderOptions providers = new ProviderOptions();

    @Mixin
    AccessOptions access = new AccessOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ProviderCatalog catalog = providers.load();
        LinkPlan plan = ConfigPlanner.planOrReject(file, catalog);
        access.check(plan);
        PrintWriter out = spec.commandLine().getOut();
        int links = plan.providers().stream().mapToInt(provider -> provider.links().size()).sum();
        out.printf("%s: valid (%d provider(s), %d link(s))%n", file, plan.providers().size(), links);
        for (ProviderPlan provider : plan.providers()) {
            out.printf("  %s -> Scope topology %s, watches %s: %s%n", provider.id(), provider.topology().reportKey(),
                    provider.watches(), String.join(", ", provider.links().stream()
                            .map(link -> link.config().id()).toList()));
        }
        catalog.failures().forEach(failure -> spec.commandLine().getErr().println("warning: provider skipped: "
                + failure));
        out.flush();
        return ExitCodes.OK;
    }
}
