package dev.scopelinks.host.template;

/**
 * One {@code {{…}}} tag of a URL template.
 *
 * @param kind   what the tag does
 * @param name   the variable or section name, trimmed
 * @param offset where the tag starts in the template text
 * @param end    the offset just after the tag
 */
record TemplateTag(Kind kind, String name, int offset, int end) {

    enum Kind {
        /** {@code {{x}}}: the value, percent-encoded. */
        VALUE,
        /** {@code {{{x}}}} or {@code {{&x}}}: the value as written. */
        RAW,
        /** {@code {{#x}}}. */
        SECTION,
        /** {@code {{^x}}}. */
        INVERTED,
        /** {@code {{/x}}}. */
        CLOSE,
        /** {@code {{! … }}}. */
        COMMENT,
        /** {@code {{> x}}}: not supported in URL templates. */
        PARTIAL,
        /** {@code {{=<% %>=}}}: not supported in URL templates. */
        DELIMITER
    }
}
