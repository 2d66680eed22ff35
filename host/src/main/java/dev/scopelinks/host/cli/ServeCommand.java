package dev.scopelinks.host.cli;

import dev.scopelinks.host.ConfigReloader;
import dev.scopelinks.host.HostSettings;
import dev.scopelinks.host.config.ConfigLoader;
import dev.scopelinks.host.plugin.ProviderCatalog;
import dev.scopelinks.host.plan.LinkPlan;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scope-links serve}: watch a real cluster and serve Scope's probe until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Watch the cluster and serve links to Weave Scope's probe until SIGTERM or Ctrl-C.",
            "The config file is watched: a valid change applies within 2 s without dropping the socket; an "
                + "invalid one is logged with every error and the last good config keeps serving."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  scope-links serve --config /etc/scope-links/scope-links.yaml",
            "  scope-links serve --config links.yaml --kubeconfig ~/.kube/config --socket-dir /tmp/plugins",
            "",
            "Exit codes: 0 stopped cleanly, 1 runtime failure, 2 invalid config or options, 3 out of heap (raise SCOPE_LINKS_SIZE), 4 socket in use."})
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    /** The config file is also compared this often when no file event arrives; edits apply well within 2 s. */
    private static final Duration RELOAD_INTERVAL = Duration.ofMillis(500);

    @Option(names = "--config", paramLabel = "FILE",
            description = "The links config (default: conf/scope-links.yaml beside the installation).")
    Path config;

    @Option(names = "--socket-dir", paramLabel = "DIR",
            description = "Scope's plugin root; the socket is DIR/<id>/<id>.sock (default: the config's socketDir, "
                    + "else /var/run/scope/plugins).")
    Path socketDir;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig to use (default: KUBECONFIG, ~/.kube/config, or the pod's service account).")
    Path kubeconfig;

    @Mixin
    ProviderOptions providers = new ProviderOptions();

    @Mixin
    AccessOptions access = new AccessOptions();

    @Mixin
    RuntimeOptions runtime = new RuntimeOptions();

    @Mixin
    LogOptions logging = new LogOptions();

    @Override
    public Integer call() throws Exception {
        Path configFile = Installation.configOrDefault(config);
        ProviderCatalog catalog = providers.load();
        LinkPlan plan = ConfigPlanner.planOrReject(configFile, catalog);
        access.check(plan);
        Path root = socketDir != null ? socketDir
                : plan.config().socketDir().map(Path::of).orElse(HostSettings.DEFAULT_SOCKET_ROOT);
        try (Shutdown shutdown = new Shutdown()) {
            return serve(shutdown, configFile, plan, catalog, root);
        }
    }

    private int serve(Shutdown shutdown, Path configFile, LinkPlan plan, ProviderCatalog catalog, Path root)
            throws Exception {
        try (KubernetesClient client = client();
             HostRunner runner = HostRunner.start(runtime, runtime.settings(root), runtime.watching(), plan, catalog,
                     client);
             ConfigReloader reloader = new ConfigReloader(configFile, ConfigLoader.withSystemEnvironment(), catalog,
                     runner.host(), runner.host().metrics(), RELOAD_INTERVAL, access.reloadCheck())) {
            shutdown.closeOnExit(runner);
            shutdown.await();
        } catch (Exception e) {
            if (!shutdown.requested()) {
                throw e;
            }
            // Start-up was interrupted by the stop request; everything it had started is closed.
            LOG.info("Stopped before start-up finished ({})", e.getClass().getSimpleName());
        }
        return ExitCodes.OK;
    }

    private KubernetesClient client() throws Exception {
        if (kubeconfig == null) {
            return builder().build();
        }
        if (!Files.isReadable(kubeconfig)) {
            throw new InvalidInputException("cannot read --kubeconfig " + kubeconfig);
        }
        Config config = Config.fromKubeconfig(null, Files.readString(kubeconfig, StandardCharsets.UTF_8),
                kubeconfig.toString());
        return builder().withConfig(config).build();
    }

    /**
     * fabric8 runs informer event handlers, list/watch bookkeeping and reconnect timers on its task
     * executor; naming its threads {@code kube-tasks-N} lets a thread dump say who is doing what
     * (see docs/architecture.md, "Threads").
     */
    private static KubernetesClientBuilder builder() {
        AtomicInteger threads = new AtomicInteger();
        return new KubernetesClientBuilder().withTaskExecutorSupplier(new KubernetesClientBuilder.ExecutorSupplier() {
            @Override
            public Executor get() {
                return Executors.newCachedThreadPool(runnable -> {
                    Thread thread = new Thread(runnable, "kube-tasks-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
            }

            @Override
            public void onClose(Executor executor) {
                ((ExecutorService) executor).shutdownNow();
            }
        });
    }
}
