package dev.scopelinks.host.template;

/**
 * Where one {@code {{…}}} tag stands in the template text, found the way mustache.java finds it: a
 * tag starts at {@code {{} and ends at the first {@code }}} after it (plus one {@code }} for
 * {@code {{{…}}}}).
 *
 * @param textBefore the operator's text between the previous tag (or the start) and this one
 * @param start      the offset of the tag's {@code {{}
 * @param end        the offset just after the tag
 * @param triple     whether the tag is {@code {{{…}}}}
 * @param content    what stands between the braces, untrimmed (for {@code {{{x}}}}: {@code x})
 */
record SourceTag(String textBefore, int start, int end, boolean triple, String content) {

    /** The character mustache.java reads the tag's kind from: {@code #}, {@code ^}, {@code /}, {@code !}, …; {@code {} for triple braces. */
    char sigil() {
        if (triple) {
            return '{';
        }
        return content.isEmpty() ? ' ' : content.charAt(0);
    }

    /** The section name of {@code {{#x}}}, {@code {{^x}}}, {@code {{/x}}}: the content without its sigil, trimmed, as mustache.java reads it. */
    String nameAfterSigil() {
        return triple ? content.trim() : content.isEmpty() ? "" : content.substring(1).trim();
    }
}
