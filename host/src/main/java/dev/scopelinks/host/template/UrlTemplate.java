package dev.scopelinks.host.template;

import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checked, compiled link template. Rendering is thread-safe and never throws: a problem with one
 * object's values becomes a {@link RenderResult.Skipped} with a reason.
 */
public final class UrlTemplate {

    private final String source;
    private final Mustache mustache;
    private final List<String> requiredObjectVariables;
    private final Set<String> usedObjectVariables;
    private final Map<String, Object> configScope;

    UrlTemplate(String source, Mustache mustache, Set<String> requiredObjectVariables, Set<String> usedObjectVariables,
                Map<String, Object> configScope) {
        this.source = source;
        this.mustache = mustache;
        // Template order, so the reason names the first variable the operator wrote that is missing.
        this.requiredObjectVariables = List.copyOf(requiredObjectVariables);
        this.usedObjectVariables = Set.copyOf(usedObjectVariables);
        this.configScope = Map.copyOf(configScope);
    }

    /** The template as the operator wrote it. */
    public String source() {
        return source;
    }

    /** The object variables this template cannot do without. */
    public List<String> requiredObjectVariables() {
        return requiredObjectVariables;
    }

    /** Every object variable the template refers to, in values or as a section. */
    public Set<String> usedObjectVariables() {
        return usedObjectVariables;
    }

    /** Renders the link for one object's variables. */
    public RenderResult render(Map<String, String> objectVariables) {
        for (String name : requiredObjectVariables) {
            String value = objectVariables.get(name);
            if (value == null || value.isEmpty()) {
                return new RenderResult.Skipped("missing:" + name, "the object has no value for '" + name + "'");
            }
        }
        String url;
        try {
            StringWriter out = new StringWriter(source.length() + 64);
            mustache.execute(out, List.of(configScope, objectVariables)).flush();
            url = EncodingHelper.stripMarkers(out.toString());
        } catch (Exception e) {
            return new RenderResult.Skipped("render-error", String.valueOf(e.getMessage()));
        }
        String problem = UrlCheck.problem(url);
        if (problem != null) {
            return new RenderResult.Skipped("invalid-url", "'" + abbreviate(url) + "' is " + problem);
        }
        return new RenderResult.Rendered(url);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
