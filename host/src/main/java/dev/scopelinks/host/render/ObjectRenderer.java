package dev.scopelinks.host.render;

import dev.scopelinks.host.plan.AnnotationPlan;
import dev.scopelinks.host.plan.CompiledLink;
import dev.scopelinks.host.plan.ProviderPlan;
import dev.scopelinks.host.template.RenderResult;
import dev.scopelinks.host.template.LinkSafety;
import dev.scopelinks.host.template.UrlCheck;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.LinkProvider;
import dev.scopelinks.spi.ScopeNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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

    /** The provider instance this renderer calls. */
    public LinkProvider provider() {
        return provider;
    }

    /**
     * One row of one node: a URL, or why the node does not get it.
     *
     * @param key     the report key, or for an annotation naming no slot the annotation itself
     * @param id      the link or slot id
     * @param label   the row label
     * @param url     the URL, or null when skipped
     * @param skipped why there is no URL: {@code condition} (its {@code when:} does not select the
     *                object: not counted), {@code missing:<var>}, {@code invalid-url},
     *                {@code invalid-annotation}, {@code namespace-not-allowed}, {@code undeclared-slot},
     *                {@code unsafe-link:<why>} (see {@link LinkSafety})
     */
    public record Outcome(String key, String id, String label, String url, RenderResult.Skipped skipped) {
        public boolean rendered() {
            return url != null;
        }
    }

    /** Every row of one node, rendered or skipped. */
    public record NodeOutcomes(String nodeId, List<Outcome> outcomes) {
        public NodeOutcomes {
            outcomes = List.copyOf(outcomes);
        }
    }

    /** The reason given for a link whose {@code when:} does not select the object. */
    public static final String CONDITION = "condition";

    /**
     * The nodes {@code object} feeds with their links; a node left with no link is left out.
     *
     * @throws RuntimeException when the provider itself fails on the object
     */
    public List<RenderedNode> render(KubeObject object) {
        List<NodeOutcomes> explained = explain(object);
        List<RenderedNode> rendered = new ArrayList<>(explained.size());
        for (NodeOutcomes node : explained) {
            Map<String, String> links = new LinkedHashMap<>();
            for (Outcome outcome : node.outcomes()) {
                if (outcome.rendered()) {
                    links.put(outcome.key(), outcome.url());
                } else if (!CONDITION.equals(outcome.skipped().reason())) {
                    skips.skipped(plan.id(), outcome.id(), describe(object), outcome.skipped());
                }
            }
            if (!links.isEmpty()) {
                rendered.add(new RenderedNode(node.nodeId(), links));
            }
        }
        return rendered;
    }

    /**
     * What every configured row gives for each node of {@code object}, with the reason for each
     * one left off: what {@link #render} serves, and what {@code scope-links render} prints.
     */
    public List<NodeOutcomes> explain(KubeObject object) {
        List<ScopeNode> nodes = provider.nodesFor(object);
        if (nodes == null || nodes.isEmpty()) {
            return List.of();
        }
        List<Outcome> annotated = annotationLinks(object);
        List<NodeOutcomes> explained = new ArrayList<>(nodes.size());
        for (ScopeNode node : nodes) {
            Map<String, String> variables = node.variables();
            List<Outcome> outcomes = new ArrayList<>();
            for (CompiledLink link : plan.links()) {
                String id = link.config().id();
                String label = link.config().label();
                if (!link.config().when().test(object)) {
                    outcomes.add(new Outcome(link.key(), id, label, null, new RenderResult.Skipped(CONDITION,
                            "its when: does not select this object")));
                    continue;
                }
                RenderResult result = link.template().render(variables);
                if (result instanceof RenderResult.Rendered url) {
                    outcomes.add(new Outcome(link.key(), id, label, url.url(), null));
                } else {
                    outcomes.add(new Outcome(link.key(), id, label, null, (RenderResult.Skipped) result));
                }
            }
            outcomes.addAll(annotated);
            explained.add(new NodeOutcomes(node.nodeId(), outcomes));
        }
        return explained;
    }

    /**
     * The rows the object's own annotations fill. Values are taken as written, never as templates,
     * and served only when they are absolute http(s) URLs within the length limit that read as where
     * they go ({@link LinkSafety}).
     */
    private List<Outcome> annotationLinks(KubeObject object) {
        AnnotationPlan annotations = plan.annotations();
        String prefix = annotations.prefix() + "/";
        Map<String, String> values = object.annotations();
        if (values.isEmpty() || values.keySet().stream().noneMatch(key -> key.startsWith(prefix))) {
            return List.of();
        }
        List<Outcome> outcomes = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        String namespace = object.namespace().orElse("");
        for (AnnotationPlan.Row row : annotations.rows()) {
            String annotation = row.annotation(annotations.prefix());
            declared.add(annotation);
            String url = values.get(annotation);
            if (url == null) {
                continue;
            }
            String slot = row.slot().id();
            String label = row.slot().label();
            if (!row.slot().allows(namespace)) {
                outcomes.add(new Outcome(row.key(), slot, label, null, new RenderResult.Skipped("namespace-not-allowed",
                        "slot '" + slot + "' is not open to namespace '" + namespace + "'")));
                continue;
            }
            String trimmed = url.strip();
            String problem = trimmed.length() > annotations.maxLength()
                    ? "longer than " + annotations.maxLength() + " characters" : UrlCheck.problem(trimmed);
            if (problem != null) {
                outcomes.add(new Outcome(row.key(), slot, label, null, new RenderResult.Skipped("invalid-annotation",
                        "annotation " + annotation + " is " + problem)));
                continue;
            }
            RenderResult safe = LinkSafety.check(trimmed);
            if (safe instanceof RenderResult.Skipped unsafe) {
                outcomes.add(new Outcome(row.key(), slot, label, null, new RenderResult.Skipped(unsafe.reason(),
                        "annotation " + annotation + " " + unsafe.detail())));
                continue;
            }
            outcomes.add(new Outcome(row.key(), slot, label, ((RenderResult.Rendered) safe).url(), null));
        }
        for (String key : values.keySet()) {
            if (key.startsWith(prefix) && !declared.contains(key)) {
                // One metric series for all undeclared slots: their names come from app teams, not the operator.
                outcomes.add(new Outcome(key, "annotations", key, null, new RenderResult.Skipped("undeclared-slot",
                        "annotation " + key + " names no slot declared for " + plan.id())));
            }
        }
        return outcomes;
    }

    private static String describe(KubeObject object) {
        return object.namespace().map(ns -> ns + "/").orElse("") + object.name();
    }
}
