package dev.scopelinks.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The class path the launcher gives each command, read from the JVM it starts: the production
 * commands see lib/ only, with no class of the demo, the stand-in API server, fabric8's mock server,
 * Vert.x Web or Bouncy Castle; {@code demo} alone adds lib/demo/.
 */
class ProductionClassPathIT {

    /**
     * Class name prefixes that only the demo may load. Vert.x Web's server side (its router and
     * handlers) is demo-only; its client half (vertx-web-common, -client) is fabric8's HTTP client.
     */
    private static final List<String> DEMO_ONLY = List.of("dev/scopelinks/demo/", "dev/scopelinks/standin/",
            "io/fabric8/kubernetes/client/server/mock/", "io/fabric8/mockwebserver/", "io/vertx/ext/web/Router",
            "io/vertx/ext/web/handler/", "org/bouncycastle/");

    @TempDir
    static Path unpackDir;

    static UnpackedTarball tarball;

    @BeforeAll
    static void unpack() throws Exception {
        tarball = UnpackedTarball.unpack(unpackDir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "validate", "render", "report", "poll"})
    void productionCommandsCanLoadNoDemoOrMockServerClass(String command) throws Exception {
        List<Path> classPath = classPathOf(command);

        assertThat(classPath).as("class path of %s", command).isNotEmpty()
                .allSatisfy(jar -> assertThat(jar.getParent()).isEqualTo(tarball.resolve("lib")));
        assertThat(demoOnlyEntries(classPath)).as("demo-only classes on the class path of %s", command).isEmpty();
    }

    @Test
    void demoAddsTheStandInApiServerAndItsLibraries() throws Exception {
        List<Path> classPath = classPathOf("demo");

        assertThat(classPath).anySatisfy(jar -> assertThat(jar.getParent()).isEqualTo(tarball.resolve("lib/demo")));
        assertThat(demoOnlyEntries(classPath)).as("what only the demo loads")
                .anyMatch(entry -> entry.contains("!dev/scopelinks/standin/"))
                .anyMatch(entry -> entry.contains("!io/fabric8/kubernetes/client/server/mock/"));
    }

    /** The jars of {@code java.class.path} in the JVM the launcher starts for {@code command --help}. */
    private static List<Path> classPathOf(String command) throws IOException, InterruptedException {
        Command.Result result = tarball.run(Map.of("JAVA_OPTS", "-XshowSettings:properties", "SCOPE_LINKS_CDS", "off"),
                command, "--help");
        assertThat(result.exitCode()).as("%s", result).isZero();
        // -XshowSettings prints a path property one entry per line: "java.class.path = a.jar", then "    b.jar".
        List<Path> jars = new ArrayList<>();
        boolean inClassPath = false;
        for (String line : result.stderr().split("\n")) {
            if (line.contains("java.class.path = ")) {
                inClassPath = true;
                jars.add(Path.of(line.substring(line.indexOf(" = ") + 3).trim()));
            } else if (inClassPath && line.startsWith("        ") && !line.contains(" = ")) {
                jars.add(Path.of(line.trim()));
            } else {
                inClassPath = false;
            }
        }
        return jars;
    }

    private static List<String> demoOnlyEntries(List<Path> classPath) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path jar : classPath) {
            try (JarFile file = new JarFile(jar.toFile())) {
                file.stream().map(JarEntry::getName)
                        .filter(name -> name.endsWith(".class") && DEMO_ONLY.stream().anyMatch(name::startsWith))
                        .forEach(name -> found.add(jar.getFileName() + "!" + name));
            }
        }
        return found;
    }
}
