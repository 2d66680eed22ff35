package dev.scopelinks.host.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --kubeconfig}, {@code --context} and {@code -n}, as kubectl takes them, for the commands
 * that read single objects from a live cluster ({@code links}, {@code render KIND/NAME}). Run as a
 * kubectl plugin, the same flags reach us unchanged, and {@code KUBECONFIG} is inherited.
 */
final class ClusterOptions {

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig to use (default: KUBECONFIG, ~/.kube/config, or the pod's service account).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context (default: its current one).")
    String context;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
            description = "Namespace of the object (default: the context's, else 'default'); ignored for "
                    + "cluster-wide kinds.")
    String namespace;

    /** The client configuration these options select. */
    Config config() throws InvalidInputException {
        if (kubeconfig == null) {
            return Config.autoConfigure(context);
        }
        if (!Files.isReadable(kubeconfig)) {
            throw new InvalidInputException("cannot read --kubeconfig " + kubeconfig);
        }
        try {
            return Config.fromKubeconfig(context, Files.readString(kubeconfig, StandardCharsets.UTF_8),
                    kubeconfig.toString());
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("cannot use --kubeconfig " + kubeconfig + ": " + e.getMessage());
        }
    }

    /** A client for {@code config}; the caller closes it. */
    static KubernetesClient client(Config config) {
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** {@code -n}, else the context's namespace, else {@code default}, as kubectl picks it. */
    String namespace(Config config) {
        if (namespace != null && !namespace.isBlank()) {
            return namespace;
        }
        String fromContext = config.getNamespace();
        return fromContext == null || fromContext.isBlank() ? "default" : fromContext;
    }
}
