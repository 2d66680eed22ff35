package dev.scopelinks.host.cli;

import dev.scopelinks.host.server.SocketInUseException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ServiceLoader;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code scope-links} command line. */
@Command(name = "scope-links", mixinStandardHelpOptions = true, versionProvider = ScopeLinksCli.Version.class,
        description = "Deep links to your tools on every Kubernetes object Weave Scope draws.",
        subcommands = {ServeCommand.class, ValidateCommand.class, RenderCommand.class, LinksCommand.class,
            ReportCommand.class, PollCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  scope-links demo                                   try it with a stand-in cluster",
            "  scope-links validate conf/scope-links.yaml         check a config",
            "  scope-links render --config links.yaml -f pod.yaml the links one object would get",
            "  scope-links links deploy/web -n shop               the links a live object gets",
            "  scope-links serve --config conf/scope-links.yaml   run against the current kubeconfig",
            "",
            "Exit codes: 0 ok, 1 runtime failure, 2 invalid config or options, 3 out of heap (raise SCOPE_LINKS_SIZE), 4 socket in use,",
            "5 (poll) Scope would discard the report, 6 (poll) Scope would lose part of it."})
public final class ScopeLinksCli {

    private ScopeLinksCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit code; {@code main} without the exit, for tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        CommandLine commandLine = new CommandLine(ScopeLinksCli.class);
        // Optional commands (the demo's) are on the class path only when the launcher put them there.
        ClassLoader loader = ScopeLinksCli.class.getClassLoader();
        for (OptionalCommand command : ServiceLoader.load(OptionalCommand.class, loader)) {
            commandLine.addSubcommand(command.name(), command);
        }
        commandLine.addSubcommand(new CommandLine.HelpCommand());
        // One reading of durations for every command and option (see DurationConverter).
        commandLine.registerConverter(Duration.class, new DurationConverter());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof InvalidInputException) {
                cmd.getErr().println("error: " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
            if (e instanceof CommandFailedException) {
                cmd.getErr().println("error: " + e.getMessage());
                return ExitCodes.RUNTIME_FAILURE;
            }
            if (e instanceof SocketInUseException) {
                cmd.getErr().println("error: " + e.getMessage());
                return ExitCodes.SOCKET_IN_USE;
            }
            cmd.getErr().println("error: " + e);
            return ExitCodes.RUNTIME_FAILURE;
        });
        commandLine.setExitCodeExceptionMapper(e -> ExitCodes.INVALID_INPUT);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // Log options take effect before the command runs, so a command only declares the mixin.
        commandLine.setExecutionStrategy(parsed -> {
            LogOptions.applyTo(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ScopeLinksCli.class.getPackage().getImplementationVersion();
            return new String[] {"scope-links " + (version == null ? "(development build)" : version)};
        }
    }
}
