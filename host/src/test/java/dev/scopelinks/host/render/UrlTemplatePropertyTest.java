package dev.scopelinks.host.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.host.testing.TestProviderFactory;
import java.net.URI;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/**
 * Whatever an object holds (values short enough to stay under the URL length cap, which is tested
 * on its own), a rendered link keeps the scheme and host the operator wrote and carries the value
 * back intact.
 */

class UrlTemplatePropertyTest {

    private final UrlTemplate template;

    UrlTemplatePropertyTest() throws TemplateException {
        template = new TemplateCompiler().compile("t",
                "https://grafana.example.com/d/x/{{name}}?var-ns={{namespace}}#{{labels.app}}",
                new TemplateVariables(Map.of(), new TestProviderFactory.Pods().variables()));
    }

    @Property(tries = 500)
    void anyValueRendersToAUrlWithTheTemplatesSchemeAndHost(@ForAll @StringLength(min = 1, max = 120) String value) {
        RenderResult result = template.render(Map.of("name", value, "namespace", value, "labels.app", value));

        assertThat(result).isInstanceOf(RenderResult.Rendered.class);
        URI uri = URI.create(((RenderResult.Rendered) result).url());
        assertThat(uri.getScheme()).isEqualTo("https");
        assertThat(uri.getHost()).isEqualTo("grafana.example.com");
        assertThat(uri.getPath()).isEqualTo("/d/x/" + value);
        assertThat(uri.getFragment()).isEqualTo(value);
        assertThat(uri.getQuery()).isEqualTo("var-ns=" + value);
    }
}
