package dev.scopelinks.host.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scopelinks.host.testing.TestProviderFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Link templates are mustache templates, parsed and rendered by mustache.java with URL rules: the
 * standard meaning of values, sections, inverted sections and comments, values percent-encoded
 * instead of HTML-escaped, names looked up whole, the encoding helpers, and the operator's text
 * kept exactly as written.
 */
class UrlTemplateMustacheTest {

    private final TemplateVariables variables = new TemplateVariables(
            Map.of("cluster", "prod/eu 1", "base", "https://tools.example.com/a", "empty", ""),
            new TestProviderFactory.Pods().variables());

    private UrlTemplate compile(String template) throws TemplateException {
        return new TemplateCompiler().compile(template, variables);
    }

    private String expand(String template, Map<String, String> values) throws TemplateException {
        return compile(template).expand(values);
    }

    private TemplateException refused(String template) {
        return catchThrowableOfType(TemplateException.class, () -> compile(template));
    }

    @Test
    void rendersPercentEncodedNamespaceInPath() throws Exception {
        assertThat(expand("https://x.example.com/ns/{{namespace}}/pods", Map.of("namespace", "a b/c?d&é")))
                .isEqualTo("https://x.example.com/ns/a%20b%2Fc%3Fd%26%C3%A9/pods");
    }

    @Test
    void rendersAConfigValueEncodedWithDoubleBracesAndAsWrittenWithTripleOrAmpersand() throws Exception {
        assertThat(expand("{{{base}}}/{{cluster}}/{{& base}}", Map.of()))
                .isEqualTo("https://tools.example.com/a/prod%2Feu%201/https://tools.example.com/a");
    }

    @Test
    void rendersAnObjectValueBeforeAConfigValueOfTheSameName() throws Exception {
        assertThat(expand("https://x.example.com/{{cluster}}", Map.of("cluster", "mine"))).endsWith("/mine");
    }

    @Test
    void looksUpDottedAndSlashedNamesWholeInsteadOfAsPaths() throws Exception {
        assertThat(expand("https://x.example.com/{{labels.app.kubernetes.io/name}}/{{annotations.source}}",
                Map.of("labels.app.kubernetes.io/name", "web", "labels.app", "wrong", "annotations.source", "s")))
                .isEqualTo("https://x.example.com/web/s");
    }

    @Test
    void rendersAnAbsentValueAsNothing() throws Exception {
        assertThat(expand("https://x.example.com/{{#name}}{{labels.team}}{{/name}}", Map.of("name", "web")))
                .isEqualTo("https://x.example.com/");
    }

    @Test
    void rendersASectionOnlyWhenItsVariableHasANonEmptyValue() throws Exception {
        String template = "https://x.example.com/{{name}}{{#labels.team}}?team={{labels.team}}{{/labels.team}}";

        assertThat(expand(template, Map.of("name", "web", "labels.team", "a&b"))).endsWith("/web?team=a%26b");
        assertThat(expand(template, Map.of("name", "web", "labels.team", ""))).endsWith("/web");
        assertThat(expand(template, Map.of("name", "web"))).endsWith("/web");
    }

    @Test
    void rendersAnInvertedSectionOnlyWhenItsVariableHasNoValue() throws Exception {
        String template = "https://x.example.com/{{^labels.team}}unowned{{/labels.team}}{{^empty}}-e{{/empty}}";

        assertThat(expand(template, Map.of())).endsWith("/unowned-e");
        assertThat(expand(template, Map.of("labels.team", ""))).endsWith("/unowned-e");
        assertThat(expand(template, Map.of("labels.team", "shop"))).endsWith("/-e");
    }

    @Test
    void rendersNestedSectionsWithTheSameVariables() throws Exception {
        String template = "https://x.example.com/{{#labels.app}}{{#labels.team}}{{labels.app}}.{{labels.team}}"
                + "{{/labels.team}}{{^labels.team}}{{labels.app}}{{/labels.team}}{{/labels.app}}";

        assertThat(expand(template, Map.of("labels.app", "web", "labels.team", "shop"))).endsWith("/web.shop");
        assertThat(expand(template, Map.of("labels.app", "web"))).endsWith("/web");
        assertThat(expand(template, Map.of("labels.team", "shop"))).endsWith("/");
    }

    @Test
    void rendersCommentsAsNothing() throws Exception {
        assertThat(expand("https://x.example.com/{{! the pod }}{{name}}{{!\n more\n}}/x", Map.of("name", "web")))
                .isEqualTo("https://x.example.com/web/x");
    }

    @Test
    void encodesTheOperatorsTextAndTheValuesInsideAHelperByItsRules() throws Exception {
        assertThat(expand("https://x.example.com/?q={{#query}}pod: {{name}} & {{{cluster}}}{{/query}}",
                Map.of("name", "a&b c")))
                .isEqualTo("https://x.example.com/?q=pod:%20a%26b%20c%20%26%20prod/eu%201");
    }

    @Test
    void appliesAHelpersRuleInsideAConditionWithinIt() throws Exception {
        String template = "https://x.example.com/?q={{#json}}{\"pod\":\"{{name}}\"{{#labels.team}},\"team\":"
                + "\"{{labels.team}}\"{{/labels.team}}}{{/json}}";

        assertThat(expand(template, Map.of("name", "w\"1", "labels.team", "a b")))
                .isEqualTo("https://x.example.com/?q=%7B%22pod%22:%22w%5C%221%22,%22team%22:%22a%20b%22%7D");
        assertThat(expand(template, Map.of("name", "w")))
                .isEqualTo("https://x.example.com/?q=%7B%22pod%22:%22w%22%7D");
    }

    @Test
    void keepsLineBreaksAndIndentationAroundSectionTagsThatStandAloneOnTheirLine() throws Exception {
        // mustache's spec drops a standalone section tag's line; a link keeps the operator's text as written.
        String template = "https://x.example.com/?panes={{#json}}{\n"
                + "  {{#labels.team}}\n"
                + "  \"team\": \"{{labels.team}}\",\n"
                + "  {{/labels.team}}\n"
                + "  \"pod\": \"{{name}}\"\r\n"
                + "}{{/json}}";

        assertThat(expand(template, Map.of("name", "web", "labels.team", "shop"))).isEqualTo(
                "https://x.example.com/?panes=%7B%0A%20%20%0A%20%20%22team%22:%20%22shop%22,%0A%20%20%0A"
                        + "%20%20%22pod%22:%20%22web%22%0D%0A%7D");
        assertThat(expand(template, Map.of("name", "web"))).isEqualTo(
                "https://x.example.com/?panes=%7B%0A%20%20%0A%20%20%22pod%22:%20%22web%22%0D%0A%7D");
    }

    @Test
    void keepsALoneCarriageReturnAsWritten() throws Exception {
        assertThat(expand("https://x.example.com/?q={{#query}}a\rb{{/query}}{{name}}", Map.of("name", "w")))
                .isEqualTo("https://x.example.com/?q=a%0Dbw");
    }

    @Test
    void pointsAtTheColumnOfATagAfterLinesOfText() {
        String template = "https://x.example.com/?panes={{#json}}{\n  {{#labels.team}}\n  \"t\": \"{{nmae}}\"\r\n"
                + "  {{/labels.team}}\n}{{/json}}";

        TemplateException e = refused(template);

        assertThat(e.offset()).isEqualTo(template.indexOf("{{nmae}}"));
        assertThat(e.getMessage()).startsWith("unknown variable 'nmae' (did you mean 'name'?)");
    }

    @Test
    void namesAClosingTagThatDoesNotMatchTheOpenSection() {
        String template = "https://x.example.com/{{#labels.app}}{{#labels.team}}x{{/labels.app}}{{/labels.team}}";

        TemplateException e = refused(template);

        assertThat(e.getMessage()).isEqualTo("{{/labels.app}} closes no open section; 'labels.team' is open");
        assertThat(e.offset()).isEqualTo(template.indexOf("{{/labels.app}}"));
    }

    @Test
    void pointsAtTheInnermostSectionThatIsNeverClosed() {
        String template = "https://x.example.com/{{#labels.app}}a{{#labels.team}}b";

        TemplateException e = refused(template);

        assertThat(e.getMessage()).isEqualTo("section 'labels.team' is never closed");
        assertThat(e.offset()).isEqualTo(template.indexOf("{{#labels.team}}"));
    }

    @Test
    void refusesEmptyTagsAndTagsWithoutAName() {
        for (String tag : List.of("{{}}", "{{ }}", "{{{}}}", "{{&}}", "{{.}}", "{{#}}{{/}}")) {
            TemplateException e = refused("https://x.example.com/" + tag);
            assertThat(e.getMessage()).as(tag).isEqualTo("a tag needs a variable name");
            assertThat(e.offset()).as(tag).isEqualTo(22);
        }
    }

    @Test
    void refusesMustacheJavasExtensionsAsUnknownVariables() {
        for (String tag : List.of("{{<name}}{{/name}}", "{{$name}}{{/name}}", "{{?name}}{{/name}}", "{{%pragma}}")) {
            TemplateException e = refused("https://x.example.com/" + tag);
            assertThat(e.getMessage()).as(tag).startsWith("unknown variable '" + tag.substring(2, 3));
            assertThat(e.offset()).as(tag).isEqualTo(22);
        }
    }

    @Test
    void refusesADelimiterChangeAtItsColumn() {
        TemplateException e = refused("https://x.example.com/{{name}}{{=<% %>=}}<%name%>");

        assertThat(e.getMessage()).startsWith("changing delimiters");
        assertThat(e.offset()).isEqualTo(30);
    }

    @Test
    void rendersTheSameLinksFromManyThreadsAtOnce() throws Exception {
        UrlTemplate template = compile("https://x.example.com/{{name}}?q={{#query}}{{namespace}}{{/query}}"
                + "{{#labels.team}}&t={{labels.team}}{{/labels.team}}");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = IntStream.range(0, 2000).mapToObj(i -> pool.submit(() -> {
                String expected = "https://x.example.com/w" + i + "?q=n:" + i + (i % 2 == 0 ? "&t=t" + i : "");
                Map<String, String> values = i % 2 == 0
                        ? Map.of("name", "w" + i, "namespace", "n:" + i, "labels.team", "t" + i)
                        : Map.of("name", "w" + i, "namespace", "n:" + i);
                return template.render(values).equals(new RenderResult.Rendered(expected));
            })).toList();
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
