package dev.scopelinks.host.cli;

import dev.scopelinks.host.HostSettings;
import dev.scopelinks.host.ScopeLinksHost;
import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.plan.LinkPlan;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scope-links report}: connect once, sync, print the report Scope would get, exit. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Connect to the cluster, list every watched resource once, print the exact report JSON "
                + "the socket would serve, and exit.",
            "The socket is opened in a private temporary directory, so a running instance is not disturbed."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  scope-links report --config conf/scope-links.yaml > report.json",
            "  scope-links report --config links.yaml --kubeconfig ~/.kube/config | jq '.Pod.nodes | length'",
            "",
            "Exit codes: 0 printed, 1 the cluster did not list in time, 2 invalid config or options."})
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "The links config.")
    Path config;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig to use (default: KUBECONFIG, ~/.kube/config, or the pod's service account).")
    Path kubeconfig;

    @Option(names = "--sync-timeout", paramLabel = "DURATION", defaultValue = HostSettings.DEFAULT_SYNC_TIMEOUT,
            description = "How long to wait for the first full list of every watched resource, as for serve: PT60S, "
                    + "60s or 60 (default: ${DEFAULT-VALUE}).")
    Duration syncTimeout;

    @Mixin
    ProviderOptions providers = new ProviderOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ProviderCatalog catalog = providers.load();
        LinkPlan plan = ConfigPlanner.planOrReject(config, catalog);
        Path root = Files.createTempDirectory("scope-links-report-");
        HostSettings defaults = HostSettings.defaults(root);
        HostSettings settings = new HostSettings(root, defaults.idleTimeout(), Duration.ZERO, defaults.coalesce(),
                syncTimeout, defaults.maxReportBytes(), 1);
        KubernetesClient client = client();
        ScopeLinksHost host = null;
        try {
            host = ScopeLinksHost.start(settings, plan, catalog, client, new HostMetrics());
            PrintWriter out = spec.commandLine().getOut();
            out.println(new String(host.settledReport(), StandardCharsets.UTF_8));
            out.flush();
            if (!host.isReady()) {
                spec.commandLine().getErr().println("warning: not every resource listed within "
                        + DurationConverter.describe(syncTimeout) + "; the report above is partial");
                return ExitCodes.RUNTIME_FAILURE;
            }
            return ExitCodes.OK;
        } finally {
            // A one-shot run drops its watches with the connection instead of closing each one first:
            // nothing is lost, and an API server (fabric8's mock included) that handles a watch's close
            // handshake slowly cannot hold up the exit.
            client.close();
            if (host != null) {
                host.close();
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private KubernetesClient client() throws Exception {
        if (kubeconfig == null) {
            return new KubernetesClientBuilder().build();
        }
        if (!Files.isReadable(kubeconfig)) {
            throw new InvalidInputException("cannot read --kubeconfig " + kubeconfig);
        }
        Config clientConfig = Config.fromKubeconfig(null, Files.readString(kubeconfig, StandardCharsets.UTF_8),
                kubeconfig.toString());
        return new KubernetesClientBuilder().withConfig(clientConfig).build();
    }
}
