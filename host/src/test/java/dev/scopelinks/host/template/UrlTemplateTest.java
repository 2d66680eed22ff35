package dev.scopelinks.host.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.host.testing.TestProviderFactory;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UrlTemplateTest {

    private final TemplateVariables variables = new TemplateVariables(
            Map.of("cluster", "prod eu", "base", "https://tools.example.com/a b"),
            new TestProviderFactory.Pods().variables());

    private UrlTemplate compile(String template) throws TemplateException {
        return new TemplateCompiler().compile(template, variables);
    }

    private static String url(RenderResult result) {
        assertThat(result).isInstanceOf(RenderResult.Rendered.class);
        return ((RenderResult.Rendered) result).url();
    }

    @Test
    void percentEncodesHostileValuesIntoAValidUrl() throws Exception {
        UrlTemplate template = compile("https://logs.example.com/search?q={{annotations.note}}&ns={{namespace}}");

        String url = url(template.render(Map.of("annotations.note", "a b/c&d=\"e\"<f>é\r\nx", "namespace", "shop")));

        assertThat(url).isEqualTo("https://logs.example.com/search?q=a%20b%2Fc%26d%3D%22e%22%3Cf%3E%C3%A9%0D%0Ax&ns=shop");
        URI uri = URI.create(url);
        assertThat(uri.getHost()).isEqualTo("logs.example.com");
        assertThat(uri.getRawQuery()).isEqualTo("q=a%20b%2Fc%26d%3D%22e%22%3Cf%3E%C3%A9%0D%0Ax&ns=shop");
    }

    @Test
    void usesALabelKeyWithDotsAndSlashesWhole() throws Exception {
        UrlTemplate template = compile("https://x.example.com/apps/{{labels.app.kubernetes.io/name}}");

        assertThat(url(template.render(Map.of("labels.app.kubernetes.io/name", "web",
                "labels.app", "wrong")))).isEqualTo("https://x.example.com/apps/web");
    }

    @Test
    void skipsTheLinkWhenTheObjectLacksAVariable() throws Exception {
        UrlTemplate template = compile("https://x.example.com/apps/{{labels.app.kubernetes.io/name}}");

        assertThat(template.render(Map.of("name", "web")))
                .isEqualTo(new RenderResult.Skipped("missing:labels.app.kubernetes.io/name",
                        "the object has no value for 'labels.app.kubernetes.io/name'"));
        assertThat(template.render(Map.of("labels.app.kubernetes.io/name", "")))
                .isInstanceOf(RenderResult.Skipped.class);
    }

    @Test
    void skipsAResultThatIsNotAnAbsoluteHttpUrl() throws Exception {
        // The host comes from a config value, so only the rendered result can show it is broken.
        UrlTemplate template = compile("{{{base}}}/{{name}}");

        RenderResult result = template.render(Map.of("name", "web"));

        assertThat(result).isInstanceOf(RenderResult.Skipped.class);
        assertThat(((RenderResult.Skipped) result).reason()).isEqualTo("invalid-url");
    }

    @Test
    void leavesOffALinkWhoseRawConfigValueCarriesABidiControl() throws Exception {
        UrlTemplate template = new TemplateCompiler().compile("https://x.example.com/{{name}}/{{{note}}}",
                new TemplateVariables(Map.of("note", "\u202Etxt.exe"), new TestProviderFactory.Pods().variables()));

        RenderResult result = template.render(Map.of("name", "web"));

        assertThat(result).isEqualTo(new RenderResult.Skipped("unsafe-link:bidi", "'https://x.example.com/web/"
                + "\u202Etxt.exe' contains the bidirectional control U+202E, which can make a link read as another"));
    }

    @Test
    void servesAnInternationalisedHostInPunycodeAndEncodesValuesThatHoldControls() throws Exception {
        UrlTemplate template = compile("https://b\u00FCcher.example/{{name}}");

        assertThat(url(template.render(Map.of("name", "web\u202E1")))).isEqualTo(
                "https://xn--bcher-kva.example/web%E2%80%AE1");
    }

    @Test
    void encodesConfigValuesWithDoubleBracesAndInsertsThemAsWrittenWithTriple() throws Exception {
        assertThat(url(compile("https://x.example.com/{{cluster}}/{{name}}").render(Map.of("name", "w"))))
                .isEqualTo("https://x.example.com/prod%20eu/w");
    }

    @Test
    void rendersOptionalPartsOnlyWhenTheObjectHasThem() throws Exception {
        UrlTemplate template = compile("https://x.example.com/{{name}}{{#labels.team}}?team={{labels.team}}{{/labels.team}}");

        assertThat(url(template.render(Map.of("name", "web", "labels.team", "a&b"))))
                .isEqualTo("https://x.example.com/web?team=a%26b");
        assertThat(url(template.render(Map.of("name", "web")))).isEqualTo("https://x.example.com/web");
    }

    @Test
    void skipsAUrlLongerThanTheCap() throws Exception {
        RenderResult result = compile("https://x.example.com/{{name}}").render(Map.of("name", "é".repeat(UrlCheck.MAX_LENGTH)));

        assertThat(result).isInstanceOf(RenderResult.Skipped.class);
        assertThat(((RenderResult.Skipped) result).detail()).endsWith("is longer than 4096 characters");
    }
}
