package dev.scopelinks.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The tarball {@code mvn package} built, unpacked the way an operator would, and its launcher. */
final class UnpackedTarball {

    private final Path home;

    private UnpackedTarball(Path home) {
        this.home = home;
    }

    /** Unpacks the tarball named by the {@code scope-links.tarball} property (set by the pom) into {@code dir}. */
    static UnpackedTarball unpack(Path dir) throws IOException, InterruptedException {
        String tarball = System.getProperty("scope-links.tarball");
        assertThat(tarball).as("system property scope-links.tarball (run through failsafe)").isNotBlank();
        Command.Result result = Command.run(dir, Duration.ofSeconds(60), "tar", "xzf", tarball);
        assertThat(result.exitCode()).as("%s", result).isZero();
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> roots = entries.toList();
            assertThat(roots).as("the tarball has one top directory").hasSize(1);
            return new UnpackedTarball(roots.get(0));
        }
    }

    Path home() {
        return home;
    }

    Path resolve(String relative) {
        return home.resolve(relative);
    }

    /** Runs {@code bin/scope-links args} to completion. */
    Command.Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    /** Runs {@code bin/scope-links args} to completion with {@code env} added to the environment. */
    Command.Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return Command.run(home, Duration.ofSeconds(120), null, env, launcher(args));
    }

    /** Starts {@code bin/scope-links args}; the launcher execs Java, so the process is the host itself. */
    Process start(Path log, String... args) throws IOException {
        return start(log, Map.of(), args);
    }

    /** {@link #start(Path, String...)} with {@code env} added to the environment. */
    Process start(Path log, Map<String, String> env, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(launcher(args)).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private List<String> launcher(String... args) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/scope-links").toString());
        command.addAll(List.of(args));
        return command;
    }
}
