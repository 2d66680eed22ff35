package dev.scopelinks.host.render;

import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.LinkProvider;
import dev.scopelinks.spi.ScopeNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Turns one object into the rendered Scope nodes of one provider. */
public final class ObjectRenderer {

    private final ProviderPlan plan;
    private final LinkProvider provider;
    private final SkipListener skips;

    /**
     * @param plan         the provider's compiled links
     * @param provider     the provider instance
     * @param skips        told about every link left off an object
     */
    public ObjectRenderer(ProviderPlan plan, LinkProvider provider, SkipListener skips) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.skips = Objects.requireNonNull(skips, "skips");
    }

    public ProviderPlan plan() {
        return plan;
    }

    /**
     * The nodes {@code object} feeds with their links; a node left with no link is left out.
     *
     * @throws RuntimeException when the provider itself fails on the object
     */
    public List<RenderedNode> render(KubeObject object) {
        List<ScopeNode> nodes = provider.nodesFor(object);
        if (nodes == null || nodes.isEmpty()) {
            return List.of();
        }
        List<RenderedNode> rendered = new ArrayList<>(nodes.size());
        for (ScopeNode node : nodes) {
            Map<String, String> variables = node.variables();
            Map<String, String> links = new LinkedHashMap<>();
            for (CompiledLink link : plan.links()) {
                RenderResult result = link.template().render(variables);
                if (result instanceof RenderResult.Rendered url) {
                    links.put(link.key(), url.url());
                } else {
                    skips.skipped(plan.id(), link.config().id(), describe(object), (RenderResult.Skipped) result);
                }
            }
            if (!links.isEmpty()) {
                rendered.add(new RenderedNode(node.nodeId(), links));
            }
        }
        return rendered;
    }

    private static String describe(KubeObject object) {
        return object.namespace().map(ns -> ns + "/").orElse("") + object.name();
    }
}
