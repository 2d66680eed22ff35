package dev.scopelinks.host.template;

/**
 * Carries a {@link TemplateException} out of mustache.java's parser, whose visitor callbacks
 * cannot throw checked exceptions; {@link TemplateCompiler} unwraps it.
 */
final class TemplateRefusal extends RuntimeException {

    TemplateRefusal(TemplateException cause) {
        super(cause.getMessage(), cause, false, false);
    }

    TemplateRefusal(int offset, String message) {
        this(new TemplateException(offset, message));
    }

    TemplateException exception() {
        return (TemplateException) getCause();
    }
}
