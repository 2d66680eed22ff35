package dev.scopelinks.host.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.reflect.SimpleObjectHandler;
import com.github.mustachejava.util.Wrapper;
import dev.scopelinks.host.testing.TestProviderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Templates are parsed and rendered by scope-links itself; for the mustache syntax they share
 * (values, raw config values, sections, inverted sections, comments, on one line) the result is
 * what mustache.java gives with URL encoding in place of HTML escaping. Templates and values are
 * generated from a fixed seed, so a failure reproduces exactly.
 */
class MustacheEquivalenceTest {

    private static final long SEED = 0x7e3a1a7eL;
    private static final int CASES = 200;
    private static final String[] VARIABLES = {"name", "namespace", "labels.app", "labels.team", "cluster"};
    private static final String[] LITERALS = {"/", "?q=", "&x=", "-", "a", "%2F", "é", ":"};
    private static final String[] VALUES = {"web-1", "", "a b/c", "x&y=z", "ü", "{{name}}", "%41"};

    private static final TemplateVariables SCOPE = new TemplateVariables(
            Map.of("cluster", "prod/eu~1", "base", "https://tools.example.com/a"),
            new TestProviderFactory.Pods().variables());

    record Case(String template, Map<String, String> values) {
        @Override
        public String toString() {
            return template + " with " + values;
        }
    }

    static Stream<Case> cases() {
        Random random = new Random(SEED);
        return Stream.generate(() -> new Case(template(random), values(random))).limit(CASES);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rendersWhatMustacheJavaRendersForTheSyntaxTheyShare(Case given) throws Exception {
        UrlTemplate template = new TemplateCompiler().compile(given.template(), SCOPE);

        String ours = template.expand(given.values());

        assertThat(ours).isEqualTo(mustache(given.template(), given.values()));
    }

    private static String template(Random random) {
        StringBuilder template = new StringBuilder(random.nextBoolean() ? "https://x.example.com/" : "{{{base}}}/");
        body(random, template, 0);
        return template.toString();
    }

    private static void body(Random random, StringBuilder out, int depth) {
        int pieces = 1 + random.nextInt(5);
        for (int i = 0; i < pieces; i++) {
            int pick = random.nextInt(depth < 2 ? 7 : 5);
            String variable = VARIABLES[random.nextInt(VARIABLES.length)];
            switch (pick) {
                case 0, 1 -> out.append(LITERALS[random.nextInt(LITERALS.length)]);
                case 2 -> out.append("{{").append(random.nextBoolean() ? " " : "").append(variable).append("}}");
                case 3 -> out.append(random.nextBoolean() ? "{{{cluster}}}" : "{{& base}}");
                case 4 -> out.append("{{! note }}");
                default -> {
                    String sigil = random.nextBoolean() ? "#" : "^";
                    out.append("{{").append(sigil).append(variable).append("}}");
                    body(random, out, depth + 1);
                    out.append("{{/").append(variable).append("}}");
                }
            }
        }
    }

    private static Map<String, String> values(Random random) {
        Map<String, String> values = new HashMap<>();
        for (String variable : VARIABLES) {
            if (!variable.equals("cluster") && random.nextInt(4) > 0) {
                values.put(variable, VALUES[random.nextInt(VALUES.length)]);
            }
        }
        return values;
    }

    private static String mustache(String template, Map<String, String> values) throws IOException {
        Mustache mustache = new UrlEncodingFactory().compile(new StringReader(template), "t");
        StringWriter out = new StringWriter();
        mustache.execute(out, List.of(SCOPE.configValues(), values)).flush();
        return out.toString();
    }

    /** mustache.java set up for URLs: values percent-encoded, names looked up whole in map scopes. */
    private static final class UrlEncodingFactory extends DefaultMustacheFactory {
        UrlEncodingFactory() {
            setObjectHandler(new SimpleObjectHandler() {
                @Override
                public Wrapper find(String name, List<Object> ignored) {
                    return scopes -> {
                        for (int i = scopes.size() - 1; i >= 0; i--) {
                            if (scopes.get(i) instanceof Map<?, ?> map && map.containsKey(name)) {
                                return map.get(name);
                            }
                        }
                        return null;
                    };
                }
            });
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(PercentEncoder.encode(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
