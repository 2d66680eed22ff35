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
        String large = heapSettings(Map.of("SCOPE_LINKS_SIZE", "large", "JAVA_OPTS", "-XshowSettings:vm"));
        String largeDemo = heapSettings(Map.of("SCOPE_LINKS_SIZE", "large", "JAVA_OPTS", "-XshowSettings:vm"),
                "demo", "--help");
        String overridden = heapSettings(Map.of("SCOPE_LINKS_SIZE", "medium",
                "JAVA_OPTS", "-XshowSettings:vm -Xmx200m"));

        // -XshowSettings:vm prints the maximum heap the JVM was given.
        assertThat(small).contains("Max. Heap Size: 128.00M");
        assertThat(medium).contains("Max. Heap Size: 384.00M");
        assertThat(large).contains("Max. Heap Size: 320.00M");
        // The demo's stand-in API server shares the JVM and keeps every object it serves.
        assertThat(largeDemo).contains("Max. Heap Size: 768.00M");
        assertThat(overridden).contains("Max. Heap Size: 200.00M");
    }

    @Test
    void rejectsAnUnknownSizeClass() throws Exception {
        Command.Result result = tarball.run(Map.of("SCOPE_LINKS_SIZE", "huge"), "--version");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("SCOPE_LINKS_SIZE must be small, medium or large, not 'huge'");
    }

    @Test
    void writesANewClassArchiveWhenTheClassPathChanges() throws Exception {
        // A Java 17 that prints the options it is given instead of running anything.
        Path javaHome = fakeJava("openjdk version \"17.0.15\" 2025-04-15", "printf '%s\\n' \"$@\"");
        Path archives = work.resolve("cds");
        Map<String, String> env = Map.of("JAVA_HOME", javaHome.toString(), "SCOPE_LINKS_CDS_DIR", archives.toString());

        String firstWrite = option(tarball.run(env, "serve"), "-XX:ArchiveClassesAtExit=");
        Files.createDirectories(archives);
        Files.writeString(Path.of(firstWrite), "archive");
        String reading = option(tarball.run(env, "serve"), "-XX:SharedArchiveFile=");
        Path droppedIn = tarball.home().resolve("providers/extra-provider.jar");
        Files.createDirectories(droppedIn.getParent());
        Files.writeString(droppedIn, "a jar that was not there when the archive was written");
        String secondWrite;
        try {
            secondWrite = option(tarball.run(env, "serve"), "-XX:ArchiveClassesAtExit=");
        } finally {
            Files.delete(droppedIn);
        }

        assertThat(reading).isEqualTo(firstWrite);
        assertThat(secondWrite).isNotEqualTo(firstWrite).startsWith(archives.toString());
        assertThat(Path.of(firstWrite)).as("the archive of the old class path is removed").doesNotExist();
    }

    /** The value of the JVM option starting with {@code prefix} that the launcher passed. */
    private static String option(Command.Result result, String prefix) {
        return result.stdout().lines().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> line.substring(prefix.length()))
                .orElseThrow(() -> new AssertionError("no " + prefix + " in " + result));
    }

    private String heapSettings(Map<String, String> env, String... args) throws Exception {
        Command.Result result = tarball.run(env, args.length == 0 ? new String[] {"--version"} : args);
        assertThat(result.exitCode()).as("%s", result).isZero();
        return result.stdout() + result.stderr();
    }

    /** A JAVA_HOME whose {@code java -version} prints {@code versionLine}, as that release would. */
    private Path fakeJava(String versionLine) throws Exception {
        return fakeJava(versionLine, "");
    }

    /** The same, running {@code otherwise} (shell) when asked for anything but its version. */
    private Path fakeJava(String versionLine, String otherwise) throws Exception {
        Path bin = Files.createDirectories(work.resolve("java/bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nif [ \"$1\" = -version ]; then echo '" + versionLine
                + "' >&2; exit 0; fi\n" + otherwise + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return work.resolve("java");
    }
}
