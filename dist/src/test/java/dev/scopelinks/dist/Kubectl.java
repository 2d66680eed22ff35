package dev.scopelinks.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code kubectl} on this machine (or {@code -Dscope-links.kubectl}), which renders kustomizations too. */
final class Kubectl {

    private final String executable;

    Kubectl() {
        this.executable = System.getProperty("scope-links.kubectl", "kubectl");
    }

    /** Fails with a clear message when kubectl is missing, instead of a confusing error later. */
    Kubectl requireInstalled() throws IOException, InterruptedException {
        boolean found;
        try {
            found = run(null, "version", "--client").exitCode() == 0;
        } catch (IOException e) {
            found = false;
        }
        assertThat(found).as("these tests need kubectl (1.27 or newer, for its built-in kustomize): install it "
                + "or point -Dscope-links.kubectl at it").isTrue();
        return this;
    }

    /** {@code kubectl kustomize dir}; fails the test when it does not render. */
    String kustomize(Path dir) throws IOException, InterruptedException {
        Command.Result result = run(null, "kustomize", dir.toString());
        assertThat(result.exitCode()).as("kubectl kustomize %s: %s", dir, result).isZero();
        return result.stdout();
    }

    Command.Result run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(List.of(args));
        return Command.run(Path.of("").toAbsolutePath(), Duration.ofSeconds(60), stdin,
                Map.of("KUBECONFIG", "/dev/null"), command);
    }
}
