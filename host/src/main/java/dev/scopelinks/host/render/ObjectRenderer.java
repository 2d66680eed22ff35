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
        Map<String, String> annotated = annotationLinks(object);
        for (ScopeNode node : nodes) {
            Map<String, String> variables = node.variables();
            Map<String, String> links = new LinkedHashMap<>();
            for (CompiledLink link : plan.links()) {
                if (!link.config().when().test(object)) {
                    continue;
                }
                RenderResult result = link.template().render(variables);
                if (result instanceof RenderResult.Rendered url) {
                    links.put(link.key(), url.url());
                } else {
                    skips.skipped(plan.id(), link.config().id(), describe(object), (RenderResult.Skipped) result);
                }
            }
            links.putAll(annotated);
            if (!links.isEmpty()) {
                rendered.add(new RenderedNode(node.nodeId(), links));
            }
        }
        return rendered;
    }

    /**
     * The links the object's own annotations fill, by report key. Values are taken as written, never
     * as templates, and served only when they are absolute http(s) URLs within the length limit.
     */
    private Map<String, String> annotationLinks(KubeObject object) {
        AnnotationPlan annotations = plan.annotations();
        String prefix = annotations.prefix() + "/";
        Map<String, String> values = object.annotations();
        if (values.isEmpty() || values.keySet().stream().noneMatch(key -> key.startsWith(prefix))) {
            return Map.of();
        }
        Map<String, String> links = new LinkedHashMap<>();
        java.util.Set<String> declared = new java.util.HashSet<>();
        String namespace = object.namespace().orElse("");
        for (AnnotationPlan.Row row : annotations.rows()) {
            declared.add(row.annotation(annotations.prefix()));
            String url = values.get(row.annotation(annotations.prefix()));
            if (url == null) {
                continue;
            }
            String slot = row.slot().id();
            if (!row.slot().allows(namespace)) {
                skips.skipped(plan.id(), slot, describe(object), new RenderResult.Skipped("namespace-not-allowed",
                        "slot '" + slot + "' is not open to namespace '" + namespace + "'"));
                continue;
            }
            String trimmed = url.strip();
            String problem = trimmed.length() > annotations.maxLength()
                    ? "longer than " + annotations.maxLength() + " characters" : UrlCheck.problem(trimmed);
            if (problem != null) {
                skips.skipped(plan.id(), slot, describe(object), new RenderResult.Skipped("invalid-annotation",
                        "annotation " + row.annotation(annotations.prefix()) + " is " + problem));
                continue;
            }
            links.put(row.key(), trimmed);
        }
        for (String key : values.keySet()) {
            if (key.startsWith(prefix) && !declared.contains(key)) {
                // One metric series for all undeclared slots: their names come from app teams, not the operator.
                skips.skipped(plan.id(), "annotations", describe(object), new RenderResult.Skipped("undeclared-slot",
                        "annotation " + key + " names no slot declared for " + plan.id()));
            }
        }
        return links;
    }

    private static String describe(KubeObject object) {
        return object.namespace().map(ns -> ns + "/").orElse("") + object.name();
    }
}
