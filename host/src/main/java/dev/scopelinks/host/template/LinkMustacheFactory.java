package dev.scopelinks.host.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheVisitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * mustache.java set up for one link template: its visitors check each tag and build our codes, and
 * {@code {{x}}} outside helpers is percent-encoded instead of HTML-escaped. One factory compiles one
 * template, since its visitors share that template's {@link TemplateReading}; it keeps nothing
 * afterwards ({@code compile(Reader, String)} does not cache).
 */
final class LinkMustacheFactory extends DefaultMustacheFactory {

    private final TemplateReading reading;

    LinkMustacheFactory(TemplateReading reading) {
        this.reading = reading;
    }

    @Override
    public MustacheVisitor createMustacheVisitor() {
        return reading.visitor(this);
    }

    /** A value outside any helper: every character but RFC 3986's unreserved ones encoded, a space as {@code %20}. */
    @Override
    public void encode(String value, Writer writer) {
        try {
            writer.write(PercentEncoder.encode(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
