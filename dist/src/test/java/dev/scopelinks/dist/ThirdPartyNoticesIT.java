package dev.scopelinks.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * THIRD-PARTY names every library the build put in lib/ and lib/demo/, with a licence, and nothing that is
 * not there.
 */
class ThirdPartyNoticesIT {

    private static final Pattern ENTRY = Pattern.compile("^(\\S+\\.jar)\\s+(\\S+:\\S+:\\S+)\\s+(.+?)(\\s+\\|.*)?$");

    @Test
    void everyBundledLibraryIsListedWithItsLicenceAndNoListedOneIsMissing() throws Exception {
        Path dist = Path.of(System.getProperty("scope-links.dist", "target/scope-links"));
        Set<String> bundled = new TreeSet<>();
        for (Path dir : List.of(dist.resolve("lib"), dist.resolve("lib/demo"))) {
            try (Stream<Path> jars = Files.list(dir)) {
                jars.map(jar -> jar.getFileName().toString())
                        .filter(name -> name.endsWith(".jar") && !name.startsWith("scope-links-"))
                        .forEach(bundled::add);
            }
        }
        Set<String> listed = new TreeSet<>();
        List<String> lines = Files.readAllLines(dist.resolve("THIRD-PARTY"));
        for (String line : lines) {
            Matcher entry = ENTRY.matcher(line);
            if (entry.matches()) {
                assertThat(entry.group(3)).as("licence of %s", entry.group(1)).isNotBlank();
                listed.add(entry.group(1));
            }
        }

        assertThat(bundled).as("libraries in lib/").isNotEmpty();
        assertThat(listed).as("THIRD-PARTY (src/main/dist/THIRD-PARTY) against lib/ and lib/demo/: add or remove lines")
                .containsExactlyElementsOf(bundled);
    }
}
