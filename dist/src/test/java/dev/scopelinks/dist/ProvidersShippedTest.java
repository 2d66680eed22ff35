package dev.scopelinks.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.spi.LinkProviderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every provider module built under {@code providers/} is shipped: its factories are on dist's
 * class path (and so in the installation's {@code providers/} directory and in docs/variables.md).
 * A module added to {@code providers/pom.xml}'s modules but not to its dependencies fails here by name.
 */
class ProvidersShippedTest {

    private static final Path PROVIDERS = Path.of("..", "providers");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final String SERVICES = "src/main/resources/META-INF/services/" + LinkProviderFactory.class.getName();

    @Test
    void shipsTheFactoriesOfEveryModuleUnderProviders() throws IOException {
        List<String> modules = modules();
        List<String> onClassPath = ServiceLoader.load(LinkProviderFactory.class).stream()
                .map(provider -> provider.type().getName()).toList();

        assertThat(modules).as("providers/pom.xml lists the provider modules").isNotEmpty();
        for (String module : modules) {
            List<String> factories = Files.readAllLines(PROVIDERS.resolve(module).resolve(SERVICES),
                    StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            assertThat(factories).as("providers/%s registers a factory", module).isNotEmpty();
            assertThat(onClassPath).as("providers/%s is built but not shipped: add it to the <dependencies> of "
                    + "providers/pom.xml", module).containsAll(factories);
        }
    }

    private static List<String> modules() throws IOException {
        Matcher matcher = MODULE.matcher(Files.readString(PROVIDERS.resolve("pom.xml"), StandardCharsets.UTF_8));
        return matcher.results().map(result -> result.group(1).strip()).toList();
    }
}
