package dev.scopelinks.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.spi.Variable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/variables.md} equal to what the shipped providers declare. Run with
 * {@code -Dscope-links.write-docs=true} to rewrite the file after changing a provider.
 */
class VariablesDocTest {

    private static final Path DOC = Path.of("..", "docs", "variables.md");

    @Test
    void docsListExactlyTheVariablesTheProvidersDeclare() throws IOException {
        String expected = VariablesDoc.render(getClass().getClassLoader());
        if (Boolean.getBoolean("scope-links.write-docs")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }

        assertThat(DOC).as("docs/variables.md exists; rewrite it with -Dscope-links.write-docs=true").exists();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/variables.md is out of date; rewrite it with -Dscope-links.write-docs=true")
                .isEqualTo(expected);
    }

    @Test
    void docsNameEveryShippedProviderAndEachOfItsVariables() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);

        // Which providers ship is ProvidersShippedTest's concern; here each one must be documented.
        assertThat(ServiceLoader.load(LinkProviderFactory.class).stream()).as("providers on dist's class path")
                .isNotEmpty();
        ServiceLoader.load(LinkProviderFactory.class).forEach(factory -> {
            assertThat(doc).contains("\n## " + factory.id() + "\n");
            for (Variable variable : factory.variables()) {
                assertThat(doc).contains("| `" + variable.name() + "` |");
            }
        });
    }
}
