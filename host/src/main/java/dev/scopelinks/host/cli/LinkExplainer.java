package dev.scopelinks.host.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plan.ProviderPlan;
import dev.scopelinks.host.render.ObjectRenderer;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.ObjectLookup;
import dev.scopelinks.spi.ProviderContext;
import dev.scopelinks.spi.ResourceType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code render} and {@code links} print: for each object, every provider that serves its
 * kind, the Scope nodes it feeds, and each configured row's link, or why it is left off. The same
 * {@link ObjectRenderer} the host serves with decides; nothing here renders on its own.
 */
final class LinkExplainer {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** One object and what every provider of its kind makes of it. */
    record ObjectLinks(String apiVersion, String kind, String namespace, String name, String uid,
                       List<ProviderLinks> providers) {
        ObjectLinks {
            providers = List.copyOf(providers);
        }
    }

    /** One provider's nodes for the object; {@code topology} is Scope's report key. */
    record ProviderLinks(String provider, String topology, List<NodeLinks> nodes) {
        ProviderLinks {
            nodes = List.copyOf(nodes);
        }
    }

    /** One Scope node and its rows. */
    record NodeLinks(String node, List<Link> links) {
        NodeLinks {
            links = List.copyOf(links);
        }
    }

    /** One row: its URL, or the reason code and detail of why it is left off. */
    record Link(String id, String label, String url, String skipped, String detail) {
    }

    private final Map<ProviderPlan, ObjectRenderer> renderers = new LinkedHashMap<>();

    /** Creates each configured provider once, with {@code lookup} for the objects it reads besides the one shown. */
    LinkExplainer(LinkPlan plan, ObjectLookup lookup) {
        for (ProviderPlan provider : plan.providers()) {
            ProviderContext context = ProviderContext.builder().clusterName(plan.config().cluster())
                    .lookup(lookup).settings(provider.settings()).build();
            renderers.put(provider, new ObjectRenderer(provider, provider.provider().create(context),
                    (p, l, o, s) -> { }));
        }
    }

    ObjectLinks explain(KubeObject object) {
        List<ProviderLinks> providers = new ArrayList<>();
        renderers.forEach((provider, renderer) -> {
            if (!serves(provider.watches(), object)) {
                return;
            }
            List<NodeLinks> nodes = new ArrayList<>();
            for (ObjectRenderer.NodeOutcomes node : renderer.explain(object)) {
                List<Link> links = new ArrayList<>();
                for (ObjectRenderer.Outcome outcome : node.outcomes()) {
                    links.add(outcome.rendered()
                            ? new Link(outcome.id(), outcome.label(), outcome.url(), null, null)
                            : new Link(outcome.id(), outcome.label(), null, outcome.skipped().reason(),
                                    outcome.skipped().detail()));
                }
                nodes.add(new NodeLinks(node.nodeId(), links));
            }
            providers.add(new ProviderLinks(provider.id(), provider.topology().reportKey(), nodes));
        });
        return new ObjectLinks(object.apiVersion(), object.kind(), object.namespace().orElse(null), object.name(),
                object.uid().isEmpty() ? null : object.uid(), providers);
    }

    /** The text form: a heading per object, then per provider its nodes and rows. */
    static void printText(PrintWriter out, ObjectLinks object) {
        out.printf("%s %s%s%n", object.kind(), object.namespace() == null ? "" : object.namespace() + "/",
                object.name());
        if (object.providers().isEmpty()) {
            out.printf("  no configured provider watches %s %s%n", object.apiVersion(), object.kind());
        }
        for (ProviderLinks provider : object.providers()) {
            if (provider.nodes().isEmpty()) {
                out.printf("  %s: no Scope node for this object%n", provider.provider());
            }
            for (NodeLinks node : provider.nodes()) {
                out.printf("  %s node %s%n", provider.provider(), node.node());
                for (Link link : node.links()) {
                    if (link.url() != null) {
                        out.printf("    %-12s %s%n", link.id(), link.url());
                    } else {
                        out.printf("    %-12s skipped (%s): %s%n", link.id(), link.skipped(), link.detail());
                    }
                }
            }
        }
    }

    /** The JSON form of {@code value} (one object, or a list of them), for scripts. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write links as JSON", e);
        }
    }

    private static boolean serves(ResourceType type, KubeObject object) {
        return type.kind().equals(object.kind()) && type.apiVersion().equals(object.apiVersion());
    }
}
