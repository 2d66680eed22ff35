package dev.scopelinks.host.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plan.LinkPlanner;
import dev.scopelinks.host.plan.ProviderPlan;
import dev.scopelinks.host.render.ObjectRenderer;
import dev.scopelinks.host.testing.KubeObjects;
import dev.scopelinks.host.testing.TestCatalog;
import dev.scopelinks.host.testing.TestProviderFactory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The examples in docs/configuration.md load, plan and render as the page says. */
class ConfigurationDocTest {

    private static final Path DOC = Path.of("..", "docs", "configuration.md");

    private static List<String> yamlBlocks() throws Exception {
        Matcher matcher = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    private static LinkPlan plan(String yaml) throws Exception {
        return new LinkPlanner().plan(new ConfigLoader(Map.of("GRAFANA_URL", "https://grafana.example.com")::get)
                .load("configuration.md", new StringReader(yaml)), TestCatalog.load());
    }

    @Test
    void theCompleteExampleIsValidAndRendersItsPodLink() throws Exception {
        LinkPlan plan = plan(yamlBlocks().get(0));

        ProviderPlan pods = plan.providers().get(1);
        ObjectRenderer renderer = new ObjectRenderer(pods, new TestProviderFactory.Pods().create(null),
                (p, l, o, s) -> { });
        var nodes = renderer.render(KubeObjects.fromYaml("""
                apiVersion: v1
                kind: Pod
                metadata: {name: web-1, namespace: shop, uid: u1}
                status: {phase: Running}
                """));
        assertThat(nodes.get(0).links()).containsEntry("scope-links-logs",
                "https://logs.example.com/search?q=pod:web-1%20ns:shop");
    }

    @Test
    void theFoldedJsonExampleIsAValidTemplate() throws Exception {
        String folded = yamlBlocks().stream().filter(block -> block.startsWith("url: >-")).findFirst().orElseThrow();
        LinkPlan plan = plan("apiVersion: scope-links/v1\nproviders:\n  Pod:\n    links:\n      - id: l\n        label: L\n"
                + folded.indent(8));

        var result = plan.providers().get(0).links().get(0).template().render(Map.of("name", "web-1"));
        assertThat(result.toString()).contains("https://grafana.example.com/explore?schemaVersion=1&panes=%7B")
                .contains("pod%3D%5C%22web-1%5C%22");
    }
}
