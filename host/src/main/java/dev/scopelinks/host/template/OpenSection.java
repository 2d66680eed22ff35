package dev.scopelinks.host.template;

/**
 * A section whose {@code {{#x}}} or {@code {{^x}}} has been read and whose {@code {{/x}}} has not.
 *
 * @param name     the variable or helper name
 * @param offset   where its opening tag starts in the template
 * @param helper   the encoding helper it stands for, or null for a condition
 * @param inverted whether it is {@code {{^x}}}
 */
record OpenSection(String name, int offset, EncodingHelper helper, boolean inverted) {

    boolean isHelper() {
        return helper != null;
    }
}
