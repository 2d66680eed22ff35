package dev.scopelinks.host.template;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.StringReader;

/**
 * Checks and compiles URL templates with mustache.java. What is refused here never reaches a
 * cluster object: unknown or misspelt variables, raw insertion of object values, partials and
 * delimiter changes, and any template whose fixed start does not pin an {@code http(s)} scheme and
 * host, so that no object value can turn a link into {@code javascript:} or point it at another site.
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
        refuseUnclosedTagsAndDelimiterChanges(template);
        TemplateReading reading = new TemplateReading(template, variables);
        Mustache mustache;
        try {
            mustache = new LinkMustacheFactory(reading).compile(new StringReader(template), TemplateReading.TEMPLATE_NAME);
        } catch (TemplateRefusal refusal) {
            throw refusal.exception();
        } catch (MustacheException e) {
            throw reading.explain(e);
        }
        reading.fixedStart().check();
        return new UrlTemplate(template, mustache, reading.requiredObjectVariables(), reading.usedObjectVariables());
    }

    /**
     * mustache.java reads {@code {{=<% %>=}}} inside its parser and goes on with the new delimiters,
     * which the checks could not follow; so delimiter changes are refused before it parses. An
     * unclosed tag is reported here too, before any other problem, as it makes the rest unreadable.
     */
    private static void refuseUnclosedTagsAndDelimiterChanges(String template) throws TemplateException {
        SourceCursor cursor = new SourceCursor(template);
        for (SourceTag tag = cursor.peek(); tag != null; tag = cursor.peek()) {
            cursor.next();
            if (!tag.triple() && tag.content().trim().startsWith("=")) {
                throw new TemplateException(tag.start(), "changing delimiters ({{=…=}}) is not supported in links");
            }
        }
    }
}
