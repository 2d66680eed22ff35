package dev.scopelinks.host.template;

import dev.scopelinks.host.config.Hints;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks and compiles URL templates. What is refused here never reaches a cluster object:
 * unknown or misspelt variables, raw insertion of object values, partials and delimiter changes,
 * and any template whose fixed start does not pin an {@code http(s)} scheme and host, so that no
 * object value can turn a link into {@code javascript:} or point it at another site.
 */
public final class TemplateCompiler {

    /**
     * Compiles {@code template}.
     *
     * @param template  the template text
     * @param variables the names it may use
     */
    public UrlTemplate compile(String template, TemplateVariables variables) throws TemplateException {
        int unsafe = LinkSafety.unsafeCharacterAt(template);
        if (unsafe >= 0) {
            throw new TemplateException(unsafe, "the template " + LinkSafety.unsafeCharacter(template).detail());
        }
        List<TemplateTag> tags = TemplateLexer.tags(template);
        Set<String> required = new LinkedHashSet<>();
        Set<String> used = new LinkedHashSet<>();
        Deque<TemplateTag> sections = new ArrayDeque<>();
        for (TemplateTag tag : tags) {
            switch (tag.kind()) {
                case PARTIAL -> throw new TemplateException(tag.offset(), "partials ({{> …}}) are not supported in links");
                case DELIMITER -> throw new TemplateException(tag.offset(),
                        "changing delimiters ({{=…=}}) is not supported in links");
                case COMMENT -> {
                }
                case CLOSE -> {
                    if (sections.isEmpty() || !sections.peek().name().equals(tag.name())) {
                        throw new TemplateException(tag.offset(), "{{/" + tag.name() + "}} closes no open section"
                                + (sections.isEmpty() ? "" : "; '" + sections.peek().name() + "' is open"));
                    }
                    sections.pop();
                }
                case SECTION, INVERTED -> {
                    if (EncodingHelper.forSection(tag.name()).isPresent()) {
                        if (tag.kind() == TemplateTag.Kind.INVERTED) {
                            throw new TemplateException(tag.offset(), "'" + tag.name() + "' is an encoding helper: "
                                    + "write {{#" + tag.name() + "}}…{{/" + tag.name() + "}}");
                        }
                        if (sections.stream().anyMatch(open -> EncodingHelper.forSection(open.name()).isPresent())) {
                            throw new TemplateException(tag.offset(), "encoding helpers cannot be nested");
                        }
                    } else {
                        requireKnown(tag, variables);
                    }
                    sections.push(tag);
                    if (variables.isObject(tag.name())) {
                        used.add(tag.name());
                    }
                }
                case VALUE -> {
                    if (EncodingHelper.forSection(tag.name()).isPresent()) {
                        throw new TemplateException(tag.offset(), "'" + tag.name() + "' is an encoding helper: "
                                + "write {{#" + tag.name() + "}}…{{/" + tag.name() + "}} around the values it encodes");
                    }
                    requireKnown(tag, variables);
                    if (variables.isObject(tag.name())) {
                        used.add(tag.name());
                    }
                    // Inside a helper a value is as necessary as outside; inside a condition it is optional.
                    boolean unconditional = sections.stream()
                            .allMatch(open -> EncodingHelper.forSection(open.name()).isPresent());
                    if (unconditional && !variables.isConfig(tag.name())) {
                        required.add(tag.name());
                    }
                }
                case RAW -> {
                    requireKnown(tag, variables);
                    if (!variables.isConfig(tag.name())) {
                        throw new TemplateException(tag.offset(), "'" + tag.name() + "' comes from the object and is "
                                + "always percent-encoded: write {{" + tag.name() + "}}; raw insertion ({{{…}}}, {{&…}}) "
                                + "is only for config values such as base URLs");
                    }
                }
            }
        }
        if (!sections.isEmpty()) {
            throw new TemplateException(sections.peek().offset(), "section '" + sections.peek().name()
                    + "' is never closed");
        }
        checkFixedStart(template, tags, variables);
        return new UrlTemplate(template, parts(template, tags), required, used, variables.configValues());
    }

    /** The checked tags as a tree of parts: what {@link UrlTemplate} renders. */
    private static List<TemplatePart> parts(String template, List<TemplateTag> tags) {
        Deque<List<TemplatePart>> open = new ArrayDeque<>();
        Deque<TemplateTag> openTags = new ArrayDeque<>();
        List<TemplatePart> current = new ArrayList<>();
        int position = 0;
        for (TemplateTag tag : tags) {
            if (tag.offset() > position) {
                current.add(new TemplatePart.Text(template.substring(position, tag.offset())));
            }
            position = tag.end();
            switch (tag.kind()) {
                case VALUE -> current.add(new TemplatePart.Value(tag.name(), false));
                case RAW -> current.add(new TemplatePart.Value(tag.name(), true));
                case SECTION, INVERTED -> {
                    open.push(current);
                    openTags.push(tag);
                    current = new ArrayList<>();
                }
                case CLOSE -> {
                    TemplateTag section = openTags.pop();
                    List<TemplatePart> body = current;
                    current = open.pop();
                    current.add(EncodingHelper.forSection(section.name())
                            .<TemplatePart>map(helper -> new TemplatePart.Helper(helper, body))
                            .orElseGet(() -> new TemplatePart.Section(section.name(),
                                    section.kind() == TemplateTag.Kind.INVERTED, body)));
                }
                case COMMENT, PARTIAL, DELIMITER -> {
                    // comments render as nothing; partials and delimiter changes were refused above
                }
            }
        }
        if (position < template.length()) {
            current.add(new TemplatePart.Text(template.substring(position)));
        }
        return current;
    }

    private static void requireKnown(TemplateTag tag, TemplateVariables variables) throws TemplateException {
        String name = tag.name();
        if (name.isEmpty() || name.equals(".")) {
            throw new TemplateException(tag.offset(), "a tag needs a variable name");
        }
        if (variables.isConfig(name) || variables.isObject(name)) {
            return;
        }
        throw new TemplateException(tag.offset(), "unknown variable '" + name + "'" + hint(name, variables)
                + "; available: " + String.join(", ", variables.allNames()));
    }

    /** The fixed text before the first object value must pin scheme and host; a fully fixed URL must be valid. */
    private static void checkFixedStart(String template, List<TemplateTag> tags, TemplateVariables variables)
            throws TemplateException {
        StringBuilder fixed = new StringBuilder();
        int position = 0;
        for (TemplateTag tag : tags) {
            fixed.append(template, position, tag.offset());
            position = tag.end();
            boolean configValue = (tag.kind() == TemplateTag.Kind.VALUE || tag.kind() == TemplateTag.Kind.RAW)
                    && variables.isConfig(tag.name());
            if (tag.kind() == TemplateTag.Kind.COMMENT) {
                continue;
            }
            if (!configValue) {
                if (!UrlCheck.pinsSchemeAndHost(fixed.toString())) {
                    throw new TemplateException(tag.offset(), "the text before {{" + tag.name() + "}} must be an "
                            + "absolute http(s) URL up to and including the '/' after its host (e.g. "
                            + "https://tool.example.com/…), so values from objects cannot change where the link goes; "
                            + "it is '" + fixed + "'");
                }
                if (UrlCheck.authorityOf(fixed.toString()).contains("@")) {
                    throw new TemplateException(0, "the link's host is preceded by user information ('…@'), so it "
                            + "would read as a link to another host; remove it");
                }
                return;
            }
            String value = variables.configValues().get(tag.name());
            fixed.append(tag.kind() == TemplateTag.Kind.VALUE ? PercentEncoder.encode(value) : value);
        }
        fixed.append(template, position, template.length());
        String problem = UrlCheck.problem(fixed.toString());
        if (problem != null) {
            throw new TemplateException(0, "the link '" + fixed + "' is " + problem);
        }
        if (LinkSafety.check(fixed.toString()) instanceof RenderResult.Skipped unsafe) {
            throw new TemplateException(0, "the link '" + fixed + "' " + unsafe.detail());
        }
    }

    private static String hint(String name, TemplateVariables variables) {
        if (name.startsWith("label.") && variables.isObject("labels." + name.substring(6))) {
            return " (did you mean 'labels." + name.substring(6) + "'?)";
        }
        return Hints.didYouMean(name, variables.allNames());
    }
}
