package dev.scopelinks.host.template;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checked, compiled link template. Rendering is thread-safe and never throws: a problem with one
 * object's values becomes a {@link RenderResult.Skipped} with a reason.
 */
public final class UrlTemplate {

    private final String source;
    private final List<TemplatePart> parts;
    private final List<String> requiredObjectVariables;
    private final Set<String> usedObjectVariables;
    private final Map<String, String> configValues;

    UrlTemplate(String source, List<TemplatePart> parts, Set<String> requiredObjectVariables,
                Set<String> usedObjectVariables, Map<String, String> configValues) {
        this.source = source;
        this.parts = List.copyOf(parts);
        // Template order, so the reason names the first variable the operator wrote that is missing.
        this.requiredObjectVariables = List.copyOf(requiredObjectVariables);
        this.usedObjectVariables = Set.copyOf(usedObjectVariables);
        this.configValues = Map.copyOf(configValues);
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
        StringBuilder out = new StringBuilder(source.length() + 64);
        write(parts, objectVariables, new PlainSink(out));
        return out.toString();
    }

    private void write(List<TemplatePart> parts, Map<String, String> objectVariables, Sink sink) {
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Text text) {
                sink.literal(text.text());
            } else if (part instanceof TemplatePart.Value value) {
                String found = lookUp(value.name(), objectVariables);
                // A raw config value is the operator's own text, like the template around it.
                if (found != null && value.raw()) {
                    sink.literal(found);
                } else if (found != null) {
                    sink.value(found);
                }
            } else if (part instanceof TemplatePart.Section section) {
                String found = lookUp(section.name(), objectVariables);
                boolean hasValue = found != null && !found.isEmpty();
                if (hasValue != section.inverted()) {
                    write(section.body(), objectVariables, sink);
                }
            } else if (part instanceof TemplatePart.Helper helper) {
                write(helper.body(), objectVariables, new HelperSink(helper.helper(), sink));
            }
        }
    }

    /** The object's own variables come first; config values fill the rest (the planner keeps their names apart). */
    private String lookUp(String name, Map<String, String> objectVariables) {
        String value = objectVariables.get(name);
        return value != null ? value : configValues.get(name);
    }

    /** Where rendered pieces go: the operator's text and values are encoded differently. */
    private interface Sink {
        void literal(String text);

        void value(String value);
    }

    /** Outside helpers: the operator's text as written, values with every reserved character encoded. */
    private record PlainSink(StringBuilder out) implements Sink {
        @Override
        public void literal(String text) {
            out.append(text);
        }

        @Override
        public void value(String value) {
            out.append(PercentEncoder.encode(value));
        }
    }

    /** Inside an encoding helper: both encoded by the helper's rule, into the enclosing sink's text. */
    private record HelperSink(EncodingHelper helper, Sink enclosing) implements Sink {
        @Override
        public void literal(String text) {
            StringBuilder encoded = new StringBuilder(text.length() + 16);
            helper.literal(text, encoded);
            enclosing.literal(encoded.toString());
        }

        @Override
        public void value(String value) {
            StringBuilder encoded = new StringBuilder(value.length() + 16);
            helper.value(value, encoded);
            enclosing.literal(encoded.toString());
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
