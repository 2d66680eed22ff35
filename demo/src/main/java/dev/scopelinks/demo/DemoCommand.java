package dev.scopelinks.demo;

import dev.scopelinks.host.cli.ConfigPlanner;
import dev.scopelinks.host.cli.ExitCodes;
import dev.scopelinks.host.cli.HostRunner;
import dev.scopelinks.host.cli.Installation;
import dev.scopelinks.host.cli.InvalidInputException;
import dev.scopelinks.host.cli.OptionalCommand;
import dev.scopelinks.host.cli.ProviderOptions;
import dev.scopelinks.host.cli.LogOptions;
import dev.scopelinks.host.cli.RuntimeOptions;
import dev.scopelinks.host.cli.Shutdown;
import dev.scopelinks.host.config.ConfigException;
import dev.scopelinks.host.plugin.LoadedProvider;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.standin.StandInCluster;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scope-links demo}: everything on one machine, with a stand-in API server. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start a stand-in Kubernetes API server on loopback with sample objects, and serve their links "
                + "on a plugin socket, as in production. Change objects with kubectl and watch the links follow.",
            "The stand-in answers kubectl and client-go tools (Weave Scope's probe) like a real API server: typed "
                + "lists, watches over HTTP and WebSocket, discovery for the built-in kinds (CronJobs as batch/v1 "
                + "and batch/v1beta1) and for every resource a loaded provider watches, custom resources included; "
                + "other groups are not found (404). kubectl get prints the usual columns, and Deployments, "
                + "ReplicaSets and Jobs get running Pods.",
            "Stopping (Ctrl-C, SIGTERM) removes the demo's temporary directory: kubeconfig and plugin root."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  scope-links demo",
            "  scope-links demo --socket-dir /tmp/plugins --config my-links.yaml --api-port 8001",
            "  scope-links demo --churn --objects 2000",
            "",
            "Exit codes: 0 stopped with Ctrl-C or SIGTERM, 1 runtime failure, 2 invalid config or options."})
public final class DemoCommand implements OptionalCommand {

    static final String DEMO_CONFIG = "/dev/scopelinks/demo/scope-links-demo.yaml";

    @Option(names = "--config", paramLabel = "FILE", description = "Links config (default: a built-in demo config).")
    Path config;

    @Option(names = "--socket-dir", paramLabel = "DIR",
            description = "Plugin root for the socket (default: a new temporary directory).")
    Path socketDir;

    @Option(names = "--api-port", paramLabel = "PORT", defaultValue = "0",
            description = "Port of the stand-in API server on 127.0.0.1 (default: any free port).")
    int apiPort;

    @Option(names = "--churn", description = "Keep changing the cluster (scale, relabel, replace Pods) so links "
            + "visibly change.")
    boolean churn;

    @Option(names = "--churn-every", paramLabel = "DURATION", defaultValue = "PT3S",
            description = "Time between churn changes, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration churnEvery;

    @Option(names = "--objects", paramLabel = "N", defaultValue = "0",
            description = "Also create a synthetic cluster of about N objects (namespaces, workloads with owner "
                    + "chains, services, Pods on nodes).")
    int objects;

    @Mixin
    ProviderOptions providers = new ProviderOptions();

    @Mixin
    RuntimeOptions runtime = new RuntimeOptions();

    @Mixin
    LogOptions logging = new LogOptions();

    @Spec
    CommandSpec spec;

    @Override
    public String name() {
        return "demo";
    }

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
        if (objects < 0) {
            throw new InvalidInputException("--objects must be 0 or more, not " + objects);
        }
        if (churnEvery.isNegative() || churnEvery.isZero()) {
            throw new InvalidInputException("--churn-every must be positive, not " + churnEvery);
        }
        try (Shutdown shutdown = new Shutdown()) {
            return run(shutdown, catalog, plan, started);
        }
    }

    private int run(Shutdown shutdown, ProviderCatalog catalog, LinkPlan plan, long started) throws Exception {
        TemporaryDirectory directory = TemporaryDirectory.create("scope-links-demo-");
        shutdown.closeOnExit(directory);
        Path workDir = directory.path();
        Path root = socketDir != null ? socketDir : workDir.resolve("plugins");
        try (directory; StandInCluster cluster = StandInCluster.start(apiPort, providedResources(catalog))) {
            int created = new DemoSeed(cluster.client()).seed();
            if (objects > 0) {
                created += new ClusterWriter(cluster).write(new SyntheticCluster(7).generate(objects));
            }
            // Started after seeding, so the seeded (and synthetic) objects keep their exact shape.
            cluster.startControllers();
            Path kubeconfig = cluster.writeKubeconfig(workDir.resolve("kubeconfig"));
            try (HostRunner runner = HostRunner.start(runtime, runtime.settings(root), plan, catalog,
                    cluster.client());
                 DemoChurn changes = new DemoChurn(cluster.client(), 11)) {
                shutdown.closeOnExit(runner);
                if (churn) {
                    changes.start(churnEvery);
                }
                printWelcome(cluster, created, kubeconfig, runner, (System.nanoTime() - started) / 1_000_000);
                shutdown.await();
            }
        } catch (Exception e) {
            if (!shutdown.requested()) {
                throw e;
            }
            // A stop during seeding or start-up: what was started is closed, the socket removed.
        }
        return ExitCodes.OK;
    }

    private void printWelcome(StandInCluster cluster, int objects, Path kubeconfig, HostRunner runner, long millis) {
        PrintWriter out = spec.commandLine().getOut();
        Path socket = runner.host().socketPath();
        String kubectl = "kubectl --kubeconfig " + kubeconfig;
        out.println();
        out.printf("scope-links demo is running (ready in %d ms): %d objects in a stand-in cluster at %s%n", millis,
                objects, cluster.url());
        out.println();
        out.println("The report Scope's probe would get:");
        out.println("  curl -s --unix-socket " + socket + " 'http://localhost/report?api_version=1&probe_id=demo'");
        String launcher = Installation.home().map(home -> home.resolve("bin").resolve("scope-links").toString())
                .orElse("scope-links");
        out.println("  " + launcher + " poll " + socket + "    (checks it as Scope would)");
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
        out.println("Watch it live (kubectl, or any client-go tool, with this kubeconfig):");
        out.println("  export KUBECONFIG=" + kubeconfig);
        out.println("  kubectl get pods -A -w");
        out.println("  kubectl create deployment hello --image=nginx");
        out.println();
        out.println("Weave Scope's probe on this machine (host network) sees the same cluster and these links:");
        out.println("  --probe.kubernetes.role=cluster --probe.kubernetes.kubeconfig=" + kubeconfig
                + " --probe.plugins.root=" + socket.getParent().getParent());
        if (churn) {
            out.println("Churn is on: a change every " + churnEvery.toMillis() + " ms.");
        }
        out.println("Stop with Ctrl-C; the socket and " + kubeconfig.getParent() + " are removed on exit.");
        out.flush();
    }

    /** Every resource a loaded provider watches or looks up, so the demo serves its group, custom ones too. */
    private static Set<ResourceType> providedResources(ProviderCatalog catalog) {
        Set<ResourceType> types = new LinkedHashSet<>();
        for (LoadedProvider provider : catalog.providers().values()) {
            types.add(provider.factory().watches());
            types.addAll(provider.factory().dependsOn());
        }
        return types;
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
