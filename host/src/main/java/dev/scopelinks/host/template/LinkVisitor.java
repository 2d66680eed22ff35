package dev.scopelinks.host.template;

import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.WriteCode;

/**
 * Builds the mustache.java code tree of a link template (or of one section's body) from the
 * parser's callbacks, after {@link TemplateReading} has checked each tag: the codes built here are
 * what renders the links.
 *
 * <p>The operator's text comes from the source ({@link SourceCursor}), not from the parser's
 * {@link #write} callbacks: mustache.java follows the mustache spec's "standalone line" rule and
 * drops the line break and indentation around a section tag that stands alone on its line (and a
 * carriage return not followed by a line feed). In a link, text inside a {@code json} or
 * {@code rison} helper is part of the document, and scope-links has always kept text exactly as
 * written, so that rule is not applied.
 */
final class LinkVisitor extends DefaultMustacheVisitor {

    private final TemplateReading reading;
    private final EncodingHelper helper;
    private final boolean section;

    /**
     * @param helper  the helper whose rule applies to this body's text and values, or null
     * @param section whether this is a section's body rather than the whole template
     */
    LinkVisitor(LinkMustacheFactory factory, TemplateReading reading, EncodingHelper helper, boolean section) {
        super(factory);
        this.reading = reading;
        this.helper = helper;
        this.section = section;
    }

    /** The operator's text as written; inside a helper, encoded by its rule now, once, rather than per render. */
    void text(String text, TemplateContext tc) {
        list.add(new WriteCode(tc, df, helper == null ? text : helper.literal(text)));
    }

    @Override
    public void write(TemplateContext tc, String text) {
        // The text comes from the source instead: see the class comment.
    }

    @Override
    public void value(TemplateContext tc, String variable, boolean encoded) {
        reading.value(this, variable, encoded);
        list.add(new VariableCode(tc, df, reading.lookup(variable), encoded, helper));
    }

    @Override
    public void comment(TemplateContext tc, String comment) {
        reading.comment(this);
    }

    @Override
    public void partial(TemplateContext tc, String variable, String indent) {
        reading.partial(this);
    }

    @Override
    public void dynamicPartial(TemplateContext tc, String variable, String indent) {
        reading.partial(this);
    }

    @Override
    public void pragma(TemplateContext tc, String pragma, String args) {
        reading.pragma(this);
    }

    @Override
    public void iterable(TemplateContext tc, String variable, Mustache body) {
        list.add(EncodingHelper.forSection(variable)
                .<Code>map(sectionHelper -> new HelperSectionCode(tc, df, body, sectionHelper))
                .orElseGet(() -> new ConditionCode(tc, df, body, reading.lookup(variable), false)));
    }

    @Override
    public void notIterable(TemplateContext tc, String variable, Mustache body) {
        // An inverted helper was refused when its tag was read.
        list.add(new ConditionCode(tc, df, body, reading.lookup(variable), true));
    }

    @Override
    public void extend(TemplateContext tc, String variable, Mustache body) {
        throw new IllegalStateException("template inheritance is refused when its tag is read");
    }

    @Override
    public void name(TemplateContext tc, String variable, Mustache body) {
        throw new IllegalStateException("template inheritance is refused when its tag is read");
    }

    @Override
    public void checkName(TemplateContext tc, String variable, Mustache body) {
        throw new IllegalStateException("template inheritance is refused when its tag is read");
    }

    @Override
    public void eof(TemplateContext tc) {
        reading.end(this);
    }

    @Override
    public Mustache mustache(TemplateContext tc) {
        if (section) {
            reading.closeSection(this);
        }
        return super.mustache(tc);
    }
}
