package dev.scopelinks.host.cli;

import dev.scopelinks.host.probe.ProbeClient;
import dev.scopelinks.host.probe.ReportChecker;
import dev.scopelinks.host.probe.ReportChecker.Finding;
import dev.scopelinks.host.probe.ReportChecker.Severity;
import dev.scopelinks.host.probe.ReportSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scope-links poll SOCKET}: ask a plugin socket for its report as Scope's probe would, and judge it. */
@Command(name = "poll", mixinStandardHelpOptions = true,
        description = {"Poll a plugin socket exactly as Scope's probe does (500 ms budget) and print a summary: the "
                + "plugin, the answer's size and latency, nodes per topology, links, and what Scope would make of it.",
            "With --body the report itself goes to stdout and the summary to stderr, so the output pipes into jq."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  scope-links poll /var/run/scope/plugins/scope-links/scope-links.sock",
            "  scope-links poll --body /tmp/plugins/scope-links/scope-links.sock | jq '.Pod.nodes | length'",
            "",
            "Exit codes: 0 Scope would accept the report as is, 1 no answer in time (Scope drops the poll), "
                    + "2 invalid options, 5 Scope would discard the whole report, "
                    + "6 Scope would take it but break on or leave out part of it."})
final class PollCommand implements Callable<Integer> {

    /** Above this a slow probe host may not decode the body within its budget (docs/performance.md). */
    private static final int COMFORTABLE_BYTES = 4 * 1024 * 1024;

    @Parameters(index = "0", paramLabel = "SOCKET", description = "The plugin socket.")
    Path socket;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT0.5S",
            description = "Budget for one poll (default: ${DEFAULT-VALUE}, as the probe).")
    Duration timeout;

    @Option(names = "--body", description = "Print the report JSON on stdout (the summary moves to stderr).")
    boolean body;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter summary = body ? err : spec.commandLine().getOut();
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
            err.println("Scope would drop this poll and show plugin " + pluginId + " as error.");
            return ExitCodes.RUNTIME_FAILURE;
        }
        if (body) {
            spec.commandLine().getOut().println(response.bodyText());
            spec.commandLine().getOut().flush();
        }
        int code = summarize(summary, pluginId, response, coldNanos);
        summary.flush();
        return code;
    }

    private int summarize(PrintWriter out, String pluginId, ProbeClient.Response response, long coldNanos) {
        Optional<ReportSummary> report = ReportSummary.of(response.body());
        out.printf("%-9s %s%n", "plugin", report.flatMap(ReportSummary::plugin).map(Object::toString)
                .orElse("(none in the report)"));
        out.printf("%-9s HTTP %d %s, %,d bytes in %.2f ms (%.2f ms for the first poll from this cold JVM)%n",
                "answer", response.status(), response.contentType(), response.body().length, response.nanos() / 1e6,
                coldNanos / 1e6);
        report.ifPresent(r -> {
            out.printf("%-9s %d%s%n", "nodes", r.nodes(), per(r, ReportSummary.Topology::nodes));
            out.printf("%-9s %d%s; %d link %s%n", "links", r.links(), per(r, ReportSummary.Topology::links),
                    r.linkRows(), r.linkRows() == 1 ? "row" : "rows");
        });
        if (response.status() != 200) {
            out.printf("%-9s discards the whole answer (any status but 200) and shows plugin %s as error%n",
                    "scope", pluginId);
            return ExitCodes.REPORT_REJECTED;
        }
        List<Finding> findings = new ReportChecker().check(response.body(), pluginId);
        Severity worst = ReportChecker.worst(findings).orElse(Severity.STYLE);
        String verdict = switch (worst) {
            case PANIC -> "crashes the probe on this report";
            case REJECTED -> "discards the whole report and shows plugin " + pluginId + " as error";
            case BROKEN -> "takes the report, but draws part of it broken";
            case IGNORED -> "takes the report, but silently leaves part of it out";
            case STYLE -> "accepts the report; plugin " + pluginId + " shows as ok";
        };
        out.printf("%-9s %s%n", "scope", verdict);
        if (response.body().length > COMFORTABLE_BYTES) {
            out.printf("%-9s %,d bytes: a slow probe host may not decode this within its 500 ms; split the "
                    + "links over several plugin ids%n", "note", response.body().length);
        }
        for (Finding finding : findings) {
            out.println("  " + finding);
        }
        return switch (worst) {
            case PANIC, REJECTED -> ExitCodes.REPORT_REJECTED;
            case BROKEN, IGNORED -> ExitCodes.REPORT_PARTLY_LOST;
            case STYLE -> ExitCodes.OK;
        };
    }

    /** {@code " (Deployment 3, Pod 12)"} for the topologies where {@code count} is not zero. */
    private static String per(ReportSummary report, ToIntFunction<ReportSummary.Topology> count) {
        String parts = report.topologies().entrySet().stream()
                .filter(entry -> count.applyAsInt(entry.getValue()) > 0)
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + " " + count.applyAsInt(entry.getValue()))
                .collect(Collectors.joining(", "));
        return parts.isEmpty() ? "" : " (" + parts + ")";
    }
}
