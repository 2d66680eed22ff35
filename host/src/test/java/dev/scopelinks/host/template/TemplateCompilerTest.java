package dev.scopelinks.host.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopelinks.host.testing.TestProviderFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateCompilerTest {

    private final TemplateCompiler compiler = new TemplateCompiler();
    private final TemplateVariables variables = new TemplateVariables(
            Map.of("cluster", "prod", "grafana", "https://grafana.example.com/g"),
            new TestProviderFactory.Pods().variables());

    private TemplateException refused(String template) {
        try {
            compiler.compile(template, variables);
        } catch (TemplateException e) {
            return e;
        }
        throw new AssertionError("expected '" + template + "' to be refused");
    }

    @Test
    void compilesATemplateAndListsTheObjectVariablesItNeeds() throws Exception {
        UrlTemplate template = compiler.compile("{{{grafana}}}/d/pods?ns={{namespace}}&pod={{name}}&c={{cluster}}",
                variables);

        assertThat(template.requiredObjectVariables()).containsExactlyInAnyOrder("namespace", "name");
        assertThat(template.source()).startsWith("{{{grafana}}}");
    }

    @Test
    void namesAnUnknownVariableWithItsOffsetAndASuggestion() {
        TemplateException e = refused("https://logs.example.com/?q={{namespce}}");

        assertThat(e.offset()).isEqualTo(28);
        assertThat(e.getMessage()).startsWith("unknown variable 'namespce' (did you mean 'namespace'?)");
    }

    @Test
    void suggestsTheLabelsFamilyForASingularLabelPrefix() {
        assertThat(refused("https://x.example.com/{{label.app}}").getMessage())
                .startsWith("unknown variable 'label.app' (did you mean 'labels.app'?)");
    }

    @Test
    void refusesRawInsertionOfAnObjectVariableInBothSpellings() {
        assertThat(refused("https://x.example.com/{{{name}}}").getMessage())
                .startsWith("'name' comes from the object and is always percent-encoded");
        assertThat(refused("https://x.example.com/{{&labels.app}}").offset()).isEqualTo(22);
    }

    @Test
    void allowsRawInsertionOfConfigValues() throws Exception {
        assertThat(compiler.compile("{{{grafana}}}/{{&cluster}}/{{name}}", variables).requiredObjectVariables())
                .containsExactly("name");
    }

    @Test
    void refusesATemplateWhoseFixedStartDoesNotPinSchemeAndHost() {
        assertThat(refused("https://{{name}}.example.com/").getMessage())
                .startsWith("the text before {{name}} must be an absolute http(s) URL");
        assertThat(refused("{{namespace}}/x").offset()).isZero();
        assertThat(refused("https://grafana.example.com{{name}}").getMessage()).contains("'https://grafana.example.com'");
        assertThat(refused("ftp://files.example.com/{{name}}").getMessage()).contains("absolute http(s) URL");
    }

    @Test
    void refusesJavascriptAndOtherSchemes() {
        assertThat(refused("javascript:alert({{name}})").getMessage()).contains("absolute http(s) URL");
        assertThat(refused("javascript:alert(1)").getMessage()).contains("scheme 'javascript' is not http or https");
        assertThat(refused("/relative/path").getMessage()).contains("not absolute");
    }

    @Test
    void refusesPartialsAndDelimiterChanges() {
        assertThat(refused("https://x.example.com/{{> other}}").getMessage()).startsWith("partials");
        assertThat(refused("https://x.example.com/{{=<% %>=}}").getMessage()).startsWith("changing delimiters");
    }

    @Test
    void refusesUnbalancedSectionsAndUnclosedTags() {
        assertThat(refused("https://x.example.com/{{#labels.app}}x").getMessage()).contains("never closed");
        assertThat(refused("https://x.example.com/{{/labels.app}}").getMessage()).contains("closes no open section");
        assertThat(refused("https://x.example.com/{{name").getMessage()).startsWith("unclosed tag");
    }

    @Test
    void refusesUserInformationBeforeAFixedHost() {
        assertThat(refused("https://ok.example.com@evil.example/{{name}}").getMessage())
                .contains("preceded by user information");
        assertThat(refused("https://ok.example.com@evil.example/").getMessage())
                .contains("it reads as a link to 'ok.example.com' but goes to 'evil.example'");
    }

    @Test
    void refusesBidirectionalControlsAndInvisibleCharactersInTheTemplateAtTheirOffset() {
        TemplateException bidi = refused("https://x.example.com/{{name}}/\u202Etxt.exe");
        assertThat(bidi.getMessage()).isEqualTo("the template contains the bidirectional control U+202E, which can "
                + "make a link read as another");
        assertThat(bidi.offset()).isEqualTo(31);
        assertThat(refused("https://x.example.com/\u200B{{name}}").getMessage()).contains("invisible character U+200B");
    }
}
