package dev.scopelinks.host.template;

import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checked, compiled link template: mustache.java's code tree, built from our own codes. Rendering
 * is thread-safe (the tree is not changed after compiling) and never throws: a problem with one
 * object's values becomes a {@link RenderResult.Skipped} with a reason.
 */
public final class UrlTemplate {

    private final String source;
    private final Mustache mustache;
    private final List<String> requiredObjectVariables;
    private final Set<String> usedObjectVariables;

    UrlTemplate(String source, Mustache mustache, Set<String> requiredObjectVariables,
                Set<String> usedObjectVariables) {
        this.source = source;
        this.mustache = mustache;
        // Template order, so the reason names the first variable the operator wrote that is missing.
        this.requiredObjectVariables = List.copyOf(requiredObjectVariables);
        this.usedObjectVariables = Set.copyOf(usedObjectVariables);
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
        String url = expand(objectVariables);
        String problem = UrlCheck.problem(url);
        if (problem != null) {
            return new RenderResult.Skipped("invalid-url", "'" + abbreviate(url) + "' is " + problem);
        }
        RenderResult safe = LinkSafety.check(url);
        if (safe instanceof RenderResult.Skipped unsafe) {
            return new RenderResult.Skipped(unsafe.reason(), "'" + abbreviate(url) + "' " + unsafe.detail());
        }
        return safe;
    }

    /** The template filled in with {@code objectVariables}, before any check. */
    String expand(Map<String, String> objectVariables) {
        StringWriter out = new StringWriter(source.length() + 64);
        // run rather than execute: execute first copies the scopes into a list a section can push onto,
        // and our sections never push (the object's variables are the only scope).
        mustache.run(out, List.of(objectVariables));
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
