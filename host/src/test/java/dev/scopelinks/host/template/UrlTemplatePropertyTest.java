package dev.scopelinks.host.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.host.testing.TestProviderFactory;
import java.net.URI;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever an object holds (values short enough to stay under the URL length cap, which is tested
 * on its own), a rendered link keeps the scheme and host the operator wrote and carries the value
 * back intact. The values are generated from a fixed seed, so a failure reproduces exactly.
 */
class UrlTemplatePropertyTest {

    private static final long SEED = 0x5c09e1_1a5L;
    private static final int VALUES = 500;
    /** URL delimiters, quoting and escaping characters, whitespace and controls, and non-ASCII text. */
    private static final String HOSTILE = "/?#&=;:@%+!$'()*,[]\\\"<>{}|^` \t\r\n\u0000\u007f~-._"
            + "éßж漢字😀\u200b\u2028";

    private final UrlTemplate template;

    UrlTemplatePropertyTest() throws TemplateException {
        template = new TemplateCompiler().compile(
                "https://grafana.example.com/d/x/{{name}}?var-ns={{namespace}}#{{labels.app}}",
                new TemplateVariables(Map.of(), new TestProviderFactory.Pods().variables()));
    }

    static Stream<String> values() {
        Random random = new Random(SEED);
        return Stream.generate(() -> value(random)).limit(VALUES);
    }

    @ParameterizedTest
    @MethodSource("values")
    void anyValueRendersToAUrlWithTheTemplatesSchemeAndHost(String value) {
        RenderResult result = template.render(Map.of("name", value, "namespace", value, "labels.app", value));

        assertThat(result).isInstanceOf(RenderResult.Rendered.class);
        URI uri = URI.create(((RenderResult.Rendered) result).url());
        assertThat(uri.getScheme()).isEqualTo("https");
        assertThat(uri.getHost()).isEqualTo("grafana.example.com");
        assertThat(uri.getPath()).isEqualTo("/d/x/" + value);
        assertThat(uri.getFragment()).isEqualTo(value);
        assertThat(uri.getQuery()).isEqualTo("var-ns=" + value);
    }

    /** 1 to 120 code points, mostly hostile characters, some letters and digits, some random code points. */
    private static String value(Random random) {
        int length = 1 + random.nextInt(120);
        StringBuilder value = new StringBuilder();
        int[] hostile = HOSTILE.codePoints().toArray();
        while (value.codePointCount(0, value.length()) < length) {
            int pick = random.nextInt(10);
            if (pick < 6) {
                value.appendCodePoint(hostile[random.nextInt(hostile.length)]);
            } else if (pick < 9) {
                value.append((char) ('a' + random.nextInt(26)));
            } else {
                int codePoint = random.nextInt(0x30000);
                if (Character.isDefined(codePoint) && !Character.isSurrogate((char) codePoint)) {
                    value.appendCodePoint(codePoint);
                }
            }
        }
        return value.toString();
    }
}
