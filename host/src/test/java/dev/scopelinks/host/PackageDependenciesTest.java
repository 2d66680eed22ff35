package dev.scopelinks.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The host's packages depend on each other in one direction only: config, then template, then plan,
 * then render; metrics and report never on each other (the composition root wires them). Read
 * from the sources, so a fully qualified name counts as much as an import.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/scopelinks/host");
    private static final Pattern REFERENCE = Pattern.compile("dev\\.scopelinks\\.host\\.([a-z]+)\\.[A-Z]");

    /** The host packages {@code pkg}'s sources refer to, itself left out. */
    private static Set<String> uses(String pkg) throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES.resolve(pkg))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = REFERENCE.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        used.remove(pkg);
        return used;
    }

    @Test
    void configDependsOnNoOtherHostPackage() throws IOException {
        assertThat(uses("config")).isEmpty();
    }

    @Test
    void templatesDependOnConfigOnly() throws IOException {
        assertThat(uses("template")).isSubsetOf("config");
    }

    @Test
    void planningDependsOnConfigTemplatesAndPluginsButNotOnRendering() throws IOException {
        assertThat(uses("plan")).isSubsetOf("config", "template", "plugin");
    }

    @Test
    void renderingDependsOnThePlanAndTemplatesButNotOnTheReportOrMetrics() throws IOException {
        assertThat(uses("render")).doesNotContain("report", "metrics", "watch", "server", "cli");
    }

    @Test
    void metricsAndReportDoNotDependOnEachOther() throws IOException {
        assertThat(uses("metrics")).doesNotContain("report");
        assertThat(uses("report")).doesNotContain("metrics");
    }
}
