package dev.scopelinks.host.cli;

import dev.scopelinks.host.probe.ProbeClient;
import dev.scopelinks.host.probe.ReportChecker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scope-links poll SOCKET}: ask a plugin socket for its report as Scope's probe would, and judge it. */
@Command(name = "poll", mixinStandardHelpOptions = true,
        description = "Poll a plugin socket exactly as Scope's probe does (500 ms budget), print the report on stdout "
                + "and what Scope would make of it on stderr.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  scope-links poll /var/run/scope/plugins/scope-links/scope-links.sock",
            "",
            "Exit codes: 0 Scope would accept the report as is, 1 no answer in time, 2 Scope would reject, "
                    + "break on or ignore part of it."})
final class PollCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SOCKET", description = "The plugin socket.")
    Path socket;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT0.5S",
            description = "Budget for one poll (default: ${DEFAULT-VALUE}, as the probe).")
    Duration timeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String fileName = socket.getFileName().toString();
        String pluginId = fileName.endsWith(".sock") ? fileName.substring(0, fileName.length() - 5) : fileName;
        ProbeClient.Response response;
        long coldNanos;
        // This JVM starts cold (classes, jnr's native library); Scope's probe is a warm, long-running
        // process. The first poll warms up with a generous budget; the second, on a new connection as
        // the probe would open one, is the one held to the probe's budget.
        try (ProbeClient warmUp = new ProbeClient(socket, Duration.ofSeconds(10), "scope-links-poll");
             ProbeClient client = new ProbeClient(socket, timeout, "scope-links-poll")) {
            coldNanos = warmUp.pollReport().nanos();
            response = client.pollReport();
        } catch (IOException e) {
            err.println("error: " + socket + ": " + e.getMessage());
            return ExitCodes.RUNTIME_FAILURE;
        }
        spec.commandLine().getOut().println(response.bodyText());
        spec.commandLine().getOut().flush();
        err.printf("HTTP %d, %s, %d bytes in %.2f ms (%.2f ms for the first poll from this cold JVM)%n",
                response.status(), response.contentType(), response.body().length, response.nanos() / 1e6,
                coldNanos / 1e6);
        if (response.status() != 200) {
            err.println("REJECTED: Scope discards any answer but 200");
            return ExitCodes.INVALID_INPUT;
        }
        List<ReportChecker.Finding> findings = new ReportChecker().check(response.body(), pluginId);
        findings.forEach(err::println);
        boolean clean = findings.stream().allMatch(f -> f.severity() == ReportChecker.Severity.STYLE);
        err.println(clean ? "Scope would accept this report." : "Scope would not take this report as intended.");
        return clean ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
    }
}
