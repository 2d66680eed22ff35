package dev.scopelinks.host.template;

/**
 * Follows mustache.java through the template text. The parser tells the visitor what each tag is
 * but not where it stands, and it reports the text between tags with standalone-line whitespace
 * (and lone carriage returns) removed; so the visitor takes each tag's position and the text before
 * it from here, in the order the parser reports the tags. That keeps error columns exact and the
 * operator's text exactly as written.
 */
final class SourceCursor {

    private final String source;
    private int position;

    SourceCursor(String source) {
        this.source = source;
    }

    /** The next tag and the text before it; the cursor moves past the tag. */
    SourceTag next() throws TemplateException {
        SourceTag tag = peek();
        if (tag == null) {
            throw new IllegalStateException("mustache.java reported a tag after the end of the template");
        }
        position = tag.end();
        return tag;
    }

    /** The next tag without moving, or null when only text is left. */
    SourceTag peek() throws TemplateException {
        int open = source.indexOf("{{", position);
        if (open < 0) {
            return null;
        }
        boolean triple = source.startsWith("{{{", open);
        int close = source.indexOf("}}", open + 2);
        if (close < 0 || (triple && !source.startsWith("}", close + 2))) {
            throw new TemplateException(open, "unclosed tag: '" + (triple ? "}}}" : "}}") + "' is missing");
        }
        int contentStart = open + (triple ? 3 : 2);
        String content = close < contentStart ? "" : source.substring(contentStart, close);
        return new SourceTag(source.substring(position, open), open, close + (triple ? 3 : 2), triple, content);
    }

    /** The text after the last tag; the cursor moves to the end. */
    String rest() {
        String rest = source.substring(position);
        position = source.length();
        return rest;
    }

    /** Where the cursor stands: just after the last tag taken. */
    int position() {
        return position;
    }
}
