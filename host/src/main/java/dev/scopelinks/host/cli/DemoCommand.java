package dev.scopelinks.host.cli;

import dev.scopelinks.host.config.ConfigException;
import dev.scopelinks.host.demo.DemoCluster;
import dev.scopelinks.host.demo.DemoSeed;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.render.LinkPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scope-links demo}: everything on one machine, with a stand-in API server. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a stand-in Kubernetes API server on loopback with sample objects, and serve their links "
                + "on a plugin socket, as in production. Change objects with kubectl and watch the links follow.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  scope-links demo",
            "  scope-links demo --socket-dir /tmp/plugins --config my-links.yaml --api-port 8001",
            "",
            "Exit codes: 0 stopped with Ctrl-C or SIGTERM, 1 runtime failure, 2 invalid config or options."})
final class DemoCommand implements Callable<Integer> {

    static final String DEMO_CONFIG = "/dev/scopelinks/host/demo/scope-links-demo.yaml";

    @Option(names = "--config", paramLabel = "FILE", description = "Links config (default: a built-in demo config).")
    Path config;

    @Option(names = "--socket-dir", paramLabel = "DIR",
            description = "Plugin root for the socket (default: a new temporary directory).")
    Path socketDir;

    @Option(names = "--api-port", paramLabel = "PORT", defaultValue = "0",
            description = "Port of the stand-in API server on 127.0.0.1 (default: any free port).")
    int apiPort;

    @Mixin
    ProviderOptions providers = new ProviderOptions();

    @Mixin
    RuntimeOptions runtime = new RuntimeOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        ProviderCatalog catalog = providers.load();
        LinkPlan plan;
        try {
            plan = config != null ? ConfigPlanner.plan(config, catalog)
                    : ConfigPlanner.plan("built-in demo config", builtInConfig(), catalog);
        } catch (ConfigException e) {
            throw new InvalidInputException(ConfigPlanner.describe(e));
        }
        Path workDir = Files.createTempDirectory("scope-links-demo-");
        Path root = socketDir != null ? socketDir : workDir.resolve("plugins");
        try (DemoCluster cluster = DemoCluster.start(apiPort)) {
            int objects = new DemoSeed(cluster.client()).seed();
            Path kubeconfig = cluster.writeKubeconfig(workDir.resolve("kubeconfig"));
            try (HostRunner runner = HostRunner.start(runtime, runtime.settings(root), plan, catalog,
                    cluster.client())) {
                Shutdown shutdown = new Shutdown(runner);
                printWelcome(cluster, objects, kubeconfig, runner, (System.nanoTime() - started) / 1_000_000);
                shutdown.await();
            }
        }
        return ExitCodes.OK;
    }

    private void printWelcome(DemoCluster cluster, int objects, Path kubeconfig, HostRunner runner, long millis) {
        PrintWriter out = spec.commandLine().getOut();
        Path socket = runner.host().socketPath();
        String kubectl = "kubectl --kubeconfig " + kubeconfig;
        out.println();
        out.printf("scope-links demo is running (ready in %d ms): %d objects in a stand-in cluster at %s%n", millis,
                objects, cluster.url());
        out.println();
        out.println("The report Scope's probe would get:");
        out.println("  curl -s --unix-socket " + socket + " 'http://localhost/report?api_version=1&probe_id=demo'");
        out.println("  scope-links poll " + socket + "    (checks it as Scope would)");
        out.println();
        out.println("Change the cluster and poll again:");
        out.println("  " + kubectl + " get deployments,services,pods -A");
        out.println("  " + kubectl + " -n shop label deployment web team=checkout-squad --overwrite");
        out.println("  " + kubectl + " -n shop create service clusterip cart --tcp=80:8080");
        out.println("  " + kubectl + " -n shop delete service checkout");
        out.println();
        if (runner.adminPort() > 0) {
            out.println("Health and metrics: http://127.0.0.1:" + runner.adminPort() + "/readyz  /metrics");
        }
        out.println("For Weave Scope's probe: --probe.kubernetes.kubeconfig=" + kubeconfig
                + " --probe.plugins.root=" + socket.getParent().getParent());
        out.println("Stop with Ctrl-C; the socket is removed on exit.");
        out.flush();
    }

    static String builtInConfig() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(DEMO_CONFIG)) {
            if (in == null) {
                throw new IOException("the built-in demo config " + DEMO_CONFIG + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
