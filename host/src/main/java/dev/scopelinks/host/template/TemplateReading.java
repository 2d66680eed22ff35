package dev.scopelinks.host.template;

import com.github.mustachejava.MustacheException;
import com.github.mustachejava.TemplateContext;
import dev.scopelinks.host.config.Hints;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One compile's reading of a template, as mustache.java's parser reports it: the checks on each tag,
 * in the order the tags stand, and what they teach about the template (required and used object
 * variables, the fixed start). mustache.java parses each section's body with a visitor of its own,
 * so the state the visitors share lives here.
 */
final class TemplateReading {

    /** The name mustache.java gives the template: it appears only in its own error messages. */
    static final String TEMPLATE_NAME = "link template";

    private final String source;
    private final TemplateVariables variables;
    private final SourceCursor cursor;
    private final Deque<OpenSection> sections = new ArrayDeque<>();
    private final Deque<LinkVisitor> visitors = new ArrayDeque<>();
    private final Set<String> required = new LinkedHashSet<>();
    private final Set<String> used = new LinkedHashSet<>();
    private final FixedStart fixedStart = new FixedStart();

    TemplateReading(String source, TemplateVariables variables) {
        this.source = source;
        this.variables = variables;
        this.cursor = new SourceCursor(source);
    }

    /**
     * The visitor for the template (first call) or for the body of the section whose opening tag
     * mustache.java has just read (every later call: it parses a body as soon as it sees the tag).
     */
    LinkVisitor visitor(LinkMustacheFactory factory) {
        boolean section = !visitors.isEmpty();
        if (section) {
            openSection(visitors.peek());
        }
        LinkVisitor visitor = new LinkVisitor(factory, this, enclosingHelper(), section);
        visitors.push(visitor);
        return visitor;
    }

    /** {@code {{x}}}, {@code {{{x}}}} or {@code {{&x}}}, as the parser named it. */
    void value(LinkVisitor visitor, String name, boolean encoded) {
        SourceTag tag = next(visitor);
        if (encoded && EncodingHelper.forSection(name).isPresent()) {
            throw new TemplateRefusal(tag.start(), "'" + name + "' is an encoding helper: write {{#" + name + "}}…{{/"
                    + name + "}} around the values it encodes");
        }
        requireKnown(name, tag.start());
        if (!encoded && !variables.isConfig(name)) {
            throw new TemplateRefusal(tag.start(), "'" + name + "' comes from the object and is always "
                    + "percent-encoded: write {{" + name + "}}; raw insertion ({{{…}}}, {{&…}}) is only for config "
                    + "values such as base URLs");
        }
        if (encoded && variables.isObject(name)) {
            used.add(name);
        }
        // Inside a helper a value is as necessary as outside; inside a condition it is optional.
        boolean unconditional = sections.stream().allMatch(OpenSection::isHelper);
        if (encoded && unconditional && !variables.isConfig(name)) {
            required.add(name);
        }
        String configValue = variables.configValues().get(name);
        if (configValue != null) {
            fixedStart.configValue(encoded ? PercentEncoder.encode(configValue) : configValue);
        } else {
            fixedStart.objectTag(name, tag.start());
        }
    }

    /** {@code {{! … }}}: renders as nothing. */
    void comment(LinkVisitor visitor) {
        next(visitor);
    }

    /** {@code {{> x}}}. */
    void partial(LinkVisitor visitor) {
        throw new TemplateRefusal(next(visitor).start(), "partials ({{> …}}) are not supported in links");
    }

    /** {@code {{%x}}}: mustache.java's pragmas are no part of link templates, so the tag names an unknown variable. */
    void pragma(LinkVisitor visitor) {
        SourceTag tag = next(visitor);
        throw unknown(tag.content().trim(), tag.start());
    }

    /** The end of a section's body: its {@code {{/x}}}, which mustache.java has matched to the opening tag. */
    void closeSection(LinkVisitor visitor) {
        next(visitor);
        sections.pop();
        visitors.pop();
    }

    /** The end of the template: the text after the last tag. */
    void end(LinkVisitor visitor) {
        String rest = cursor.rest();
        text(visitor, rest, source.length() - rest.length());
    }

    /** How the codes find {@code name}'s value: the object's, else the config value of that name. */
    VariableLookup lookup(String name) {
        return new VariableLookup(name, variables.configValues().get(name));
    }

    Set<String> requiredObjectVariables() {
        return required;
    }

    Set<String> usedObjectVariables() {
        return used;
    }

    FixedStart fixedStart() {
        return fixedStart;
    }

    /**
     * mustache.java's own refusal of the template as a {@link TemplateException} at the tag it
     * concerns: its message names a line, but the cursor knows the tag.
     */
    TemplateException explain(MustacheException e) {
        SourceTag tag;
        try {
            tag = cursor.peek();
        } catch (TemplateException unclosed) {
            return unclosed;
        }
        if (tag == null && !sections.isEmpty()) {
            return new TemplateException(sections.peek().offset(), "section '" + sections.peek().name()
                    + "' is never closed");
        }
        if (tag != null && tag.sigil() == '/') {
            return new TemplateException(tag.start(), "{{/" + tag.nameAfterSigil() + "}} closes no open section"
                    + (sections.isEmpty() ? "" : "; '" + sections.peek().name() + "' is open"));
        }
        if (tag != null && tag.content().isEmpty()) {
            return new TemplateException(tag.start(), "a tag needs a variable name");
        }
        return new TemplateException(tag == null ? cursor.position() : tag.start(),
                "the template cannot be parsed: " + e.getMessage());
    }

    /** {@code {{#x}}} or {@code {{^x}}}, read from the source since mustache.java reports it only after its body. */
    private void openSection(LinkVisitor outer) {
        SourceTag tag = next(outer);
        if (tag.sigil() != '#' && tag.sigil() != '^') {
            // mustache.java's template inheritance ({{<x}}, {{$x}}, {{?x}}) is no part of link templates.
            throw unknown(tag.content().trim(), tag.start());
        }
        String name = tag.nameAfterSigil();
        boolean inverted = tag.sigil() == '^';
        EncodingHelper helper = EncodingHelper.forSection(name).orElse(null);
        if (helper != null) {
            if (inverted) {
                throw new TemplateRefusal(tag.start(), "'" + name + "' is an encoding helper: write {{#" + name
                        + "}}…{{/" + name + "}}");
            }
            if (enclosingHelper() != null) {
                throw new TemplateRefusal(tag.start(), "encoding helpers cannot be nested");
            }
        } else {
            requireKnown(name, tag.start());
        }
        fixedStart.objectTag(name, tag.start());
        sections.push(new OpenSection(name, tag.start(), helper, inverted));
        if (variables.isObject(name)) {
            used.add(name);
        }
    }

    /** The next tag in the source; the operator's text before it goes to {@code visitor}, exactly as written. */
    private SourceTag next(LinkVisitor visitor) {
        SourceTag tag;
        try {
            tag = cursor.next();
        } catch (TemplateException unclosed) {
            throw new TemplateRefusal(unclosed);
        }
        text(visitor, tag.textBefore(), tag.start() - tag.textBefore().length());
        return tag;
    }

    private void text(LinkVisitor visitor, String text, int offset) {
        if (!text.isEmpty()) {
            visitor.text(text, context(offset));
            fixedStart.text(text);
        }
    }

    /** The helper whose rule applies to what is read now, or null. */
    private EncodingHelper enclosingHelper() {
        return sections.stream().filter(OpenSection::isHelper).map(OpenSection::helper).findFirst().orElse(null);
    }

    private void requireKnown(String name, int offset) {
        if (name.isEmpty() || name.equals(".")) {
            throw new TemplateRefusal(offset, "a tag needs a variable name");
        }
        if (!variables.isConfig(name) && !variables.isObject(name)) {
            throw unknown(name, offset);
        }
    }

    private TemplateRefusal unknown(String name, int offset) {
        return new TemplateRefusal(offset, "unknown variable '" + name + "'" + hint(name)
                + "; available: " + String.join(", ", variables.allNames()));
    }

    private String hint(String name) {
        if (name.startsWith("label.") && variables.isObject("labels." + name.substring(6))) {
            return " (did you mean 'labels." + name.substring(6) + "'?)";
        }
        return Hints.didYouMean(name, variables.allNames());
    }

    /** A context for codes made from the source at {@code offset}, with its line as mustache.java counts lines. */
    private TemplateContext context(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return new TemplateContext("{{", "}}", TEMPLATE_NAME, line, false);
    }
}
