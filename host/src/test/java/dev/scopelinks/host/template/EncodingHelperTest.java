package dev.scopelinks.host.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.scopelinks.host.testing.TestProviderFactory;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncodingHelperTest {

    private final TemplateVariables variables = new TemplateVariables(Map.of("loki", "P8E80F9AEF21F6940"),
            new TestProviderFactory.Pods().variables());

    private String render(String template, Map<String, String> values) throws TemplateException {
        RenderResult result = new TemplateCompiler().compile(template, variables).render(values);
        assertThat(result).isInstanceOf(RenderResult.Rendered.class);
        return ((RenderResult.Rendered) result).url();
    }

    @Test
    void pathKeepsSlashesBetweenSegmentsButEncodesTheRest() throws Exception {
        assertThat(render("https://git.example.com/blob/main/{{#path}}{{annotations.src}}{{/path}}",
                Map.of("annotations.src", "deploy/web app/../x?.yaml")))
                .isEqualTo("https://git.example.com/blob/main/deploy/web%20app/%2E%2E/x%3F.yaml");
    }

    @Test
    void defaultEncodingEscapesSlashesWhilePathDoesNot() throws Exception {
        assertThat(render("https://x.example.com/{{annotations.src}}", Map.of("annotations.src", "a/b")))
                .isEqualTo("https://x.example.com/a%2Fb");
    }

    @Test
    void queryKeepsReadablePunctuationButEncodesSeparators() throws Exception {
        assertThat(render("https://x.example.com/?q={{#query}}{{annotations.q}}{{/query}}",
                Map.of("annotations.q", "a:b/c (d),e&f=g+h#i")))
                .isEqualTo("https://x.example.com/?q=a:b/c%20(d),e%26f%3Dg%2Bh%23i");
    }

    @Test
    void jsonEscapesValuesInsideTheOperatorsDocumentAndEncodesTheWhole() throws Exception {
        String url = render("https://g.example.com/explore?panes={{#json}}{\"a\":{\"datasource\":\"{{loki}}\","
                + "\"expr\":\"{{annotations.q}}\"}}{{/json}}", Map.of("annotations.q", "say \"hi\"\\ & bye"));

        String panes = URLDecoder.decode(URI.create(url).getRawQuery().substring("panes=".length()),
                StandardCharsets.UTF_8);
        assertThat(panes).isEqualTo("{\"a\":{\"datasource\":\"P8E80F9AEF21F6940\",\"expr\":\"say \\\"hi\\\"\\\\ & bye\"}}");
        assertThat(url).startsWith("https://g.example.com/explore?panes=%7B%22a%22:%7B%22datasource%22:");
    }

    @Test
    void risonEscapesQuotesAndBangsInsideStrings() throws Exception {
        assertThat(render("https://k.example.com/app/discover#/?_a={{#rison}}(query:'{{annotations.q}}'){{/rison}}",
                Map.of("annotations.q", "it's ok!")))
                .isEqualTo("https://k.example.com/app/discover#/?_a=(query:'it!'s%20ok!!')");
    }

    @Test
    void valuesInsideHelpersAreRequiredLikeOthers() throws Exception {
        UrlTemplate template = new TemplateCompiler().compile(
                "https://x.example.com/?q={{#json}}\"{{labels.app}}\"{{/json}}", variables);

        assertThat(template.requiredObjectVariables()).containsExactly("labels.app");
        assertThat(template.render(Map.of())).isEqualTo(new RenderResult.Skipped("missing:labels.app",
                "the object has no value for 'labels.app'"));
    }

    @Test
    void refusesHelpersUsedAsValuesNestedOrInverted() {
        TemplateCompiler compiler = new TemplateCompiler();
        assertThat(catchThrowable(() -> compiler.compile(
                "https://x.example.com/{{json}}", variables))).hasMessageStartingWith("'json' is an encoding helper");
        assertThat(catchThrowable(() -> compiler.compile(
                "https://x.example.com/{{#json}}{{#rison}}{{name}}{{/rison}}{{/json}}", variables)))
                .hasMessage("encoding helpers cannot be nested");
        assertThat(catchThrowable(() -> compiler.compile(
                "{{#query}}https://x.example.com/{{/query}}", variables)))
                .hasMessageContaining("must be an absolute http(s) URL");
    }
}
