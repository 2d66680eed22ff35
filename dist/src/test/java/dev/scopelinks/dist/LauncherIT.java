package dev.scopelinks.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/scope-links}: which Java it accepts, and the JVM options it passes. */
class LauncherIT {

    @TempDir
    static Path unpackDir;

    static UnpackedTarball tarball;

    @TempDir
    Path work;

    @BeforeAll
    static void unpack() throws Exception {
        tarball = UnpackedTarball.unpack(unpackDir);
    }

    @Test
    void refusesAJavaOlderThan17WithAClearMessage() throws Exception {
        Path javaHome = fakeJava("openjdk version \"11.0.22\" 2024-01-16");

        Command.Result result = tarball.run(Map.of("JAVA_HOME", javaHome.toString()), "--version");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("is Java 11; Java 17 or newer is needed");
    }

    @Test
    void readsTheOldVersionSchemeAsWell() throws Exception {
        Path javaHome = fakeJava("java version \"1.8.0_402\"");

        Command.Result result = tarball.run(Map.of("JAVA_HOME", javaHome.toString()), "--version");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("is Java 8; Java 17 or newer is needed");
    }

    @Test
    void sizeClassesSetTheHeapAndJavaOptsComeLast() throws Exception {
        String small = heapSettings(Map.of("JAVA_OPTS", "-XshowSettings:vm"));
        String medium = heapSettings(Map.of("SCOPE_LINKS_SIZE", "medium", "JAVA_OPTS", "-XshowSettings:vm"));
        String overridden = heapSettings(Map.of("SCOPE_LINKS_SIZE", "medium",
                "JAVA_OPTS", "-XshowSettings:vm -Xmx200m"));

        // -XshowSettings:vm prints the maximum heap the JVM was given.
        assertThat(small).contains("Max. Heap Size: 128.00M");
        assertThat(medium).contains("Max. Heap Size: 384.00M");
        assertThat(overridden).contains("Max. Heap Size: 200.00M");
    }

    @Test
    void rejectsAnUnknownSizeClass() throws Exception {
        Command.Result result = tarball.run(Map.of("SCOPE_LINKS_SIZE", "huge"), "--version");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("SCOPE_LINKS_SIZE must be small, medium or large, not 'huge'");
    }

    private String heapSettings(Map<String, String> env) throws Exception {
        Command.Result result = tarball.run(env, "--version");
        assertThat(result.exitCode()).as("%s", result).isZero();
        return result.stdout() + result.stderr();
    }

    /** A JAVA_HOME whose {@code java -version} prints {@code versionLine}, as that release would. */
    private Path fakeJava(String versionLine) throws Exception {
        Path bin = Files.createDirectories(work.resolve("java/bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho '" + versionLine + "' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return work.resolve("java");
    }
}
