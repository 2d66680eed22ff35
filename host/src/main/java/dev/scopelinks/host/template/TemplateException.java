package dev.scopelinks.host.template;

/** A problem in one URL template, at a character offset within it. */
public final class TemplateException extends Exception {

    private final int offset;

    public TemplateException(int offset, String message) {
        super(message);
        this.offset = offset;
    }

    /** The 0-based character offset in the template where the problem is. */
    public int offset() {
        return offset;
    }
}
