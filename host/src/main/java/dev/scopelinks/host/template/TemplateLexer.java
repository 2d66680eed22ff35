package dev.scopelinks.host.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the tags of a URL template: the one parse of a template. The compiler checks these tags
 * (which variables are used, how, and what fixed text precedes them) and builds the
 * {@link TemplatePart}s that are rendered from them. The syntax is mustache's ({@code {{x}}},
 * {@code {{{x}}}}, {@code {{&x}}}, sections, inverted sections, comments); partials and delimiter
 * changes are recognised only to be refused. Text between tags, line breaks included, is kept
 * exactly as written.
 */
final class TemplateLexer {

    private TemplateLexer() {
    }

    /** The tags in order; throws {@link TemplateException} for an unclosed tag. */
    static List<TemplateTag> tags(String template) throws TemplateException {
        List<TemplateTag> tags = new ArrayList<>();
        int position = 0;
        while (true) {
            int open = template.indexOf("{{", position);
            if (open < 0) {
                return tags;
            }
            boolean triple = template.startsWith("{{{", open);
            String closer = triple ? "}}}" : "}}";
            int contentStart = open + (triple ? 3 : 2);
            int close = template.indexOf(closer, contentStart);
            if (close < 0) {
                throw new TemplateException(open, "unclosed tag: '" + closer + "' is missing");
            }
            String content = template.substring(contentStart, close);
            int end = close + closer.length();
            tags.add(triple ? new TemplateTag(TemplateTag.Kind.RAW, content.trim(), open, end) : tag(content, open, end));
            position = end;
        }
    }

    private static TemplateTag tag(String content, int offset, int end) {
        String trimmed = content.trim();
        if (trimmed.isEmpty()) {
            return new TemplateTag(TemplateTag.Kind.VALUE, "", offset, end);
        }
        char sigil = trimmed.charAt(0);
        String rest = trimmed.substring(1).trim();
        return switch (sigil) {
            case '&' -> new TemplateTag(TemplateTag.Kind.RAW, rest, offset, end);
            case '#' -> new TemplateTag(TemplateTag.Kind.SECTION, rest, offset, end);
            case '^' -> new TemplateTag(TemplateTag.Kind.INVERTED, rest, offset, end);
            case '/' -> new TemplateTag(TemplateTag.Kind.CLOSE, rest, offset, end);
            case '!' -> new TemplateTag(TemplateTag.Kind.COMMENT, rest, offset, end);
            case '>' -> new TemplateTag(TemplateTag.Kind.PARTIAL, rest, offset, end);
            case '=' -> new TemplateTag(TemplateTag.Kind.DELIMITER, rest, offset, end);
            default -> new TemplateTag(TemplateTag.Kind.VALUE, trimmed, offset, end);
        };
    }
}
