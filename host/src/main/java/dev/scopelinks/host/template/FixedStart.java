package dev.scopelinks.host.template;

/**
 * The text of a template that no object can change: the operator's text and config values, up to
 * the first tag that depends on the object (an object value or any section). It must pin an
 * {@code http(s)} scheme and host, so that no object value can turn a link into {@code javascript:}
 * or point it at another site; a template with no such tag must be a valid, safe URL as it stands.
 */
final class FixedStart {

    private final StringBuilder fixed = new StringBuilder();
    private String firstObjectTag;
    private int firstObjectTagOffset;

    /** The operator's text, as written. */
    void text(String text) {
        if (firstObjectTag == null) {
            fixed.append(text);
        }
    }

    /** A config value as it is inserted: percent-encoded for {@code {{x}}}, as written for {@code {{{x}}}}. */
    void configValue(String inserted) {
        if (firstObjectTag == null) {
            fixed.append(inserted);
        }
    }

    /** A tag whose output depends on the object, e.g. {@code {{name}}} or {@code {{#labels.team}}}. */
    void objectTag(String name, int offset) {
        if (firstObjectTag == null) {
            firstObjectTag = name;
            firstObjectTagOffset = offset;
        }
    }

    /** Refuses a fixed start that does not pin scheme and host, or a fully fixed link that is not valid. */
    void check() throws TemplateException {
        if (firstObjectTag != null) {
            if (!UrlCheck.pinsSchemeAndHost(fixed.toString())) {
                throw new TemplateException(firstObjectTagOffset, "the text before {{" + firstObjectTag + "}} must be "
                        + "an absolute http(s) URL up to and including the '/' after its host (e.g. "
                        + "https://tool.example.com/…), so values from objects cannot change where the link goes; "
                        + "it is '" + fixed + "'");
            }
            if (UrlCheck.authorityOf(fixed.toString()).contains("@")) {
                throw new TemplateException(0, "the link's host is preceded by user information ('…@'), so it "
                        + "would read as a link to another host; remove it");
            }
            return;
        }
        String problem = UrlCheck.problem(fixed.toString());
        if (problem != null) {
            throw new TemplateException(0, "the link '" + fixed + "' is " + problem);
        }
        if (LinkSafety.check(fixed.toString()) instanceof RenderResult.Skipped unsafe) {
            throw new TemplateException(0, "the link '" + fixed + "' " + unsafe.detail());
        }
    }
}
