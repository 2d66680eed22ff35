package dev.scopelinks.host.template;

import dev.scopelinks.host.config.AnnotationLinksConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether a string may be served as a link. Scope puts the value straight into an
 * {@code href}, and a relative URL would resolve against Scope's own UI, so only absolute
 * {@code http} and {@code https} URLs with a host pass.
 */
public final class UrlCheck {

    /** Longer values are refused: no tool needs them and they bloat every report. */
    public static final int MAX_LENGTH = AnnotationLinksConfig.LONGEST_MAX_LENGTH;

    /** An absolute http(s) URL whose authority is complete: what precedes the first object variable. */
    private static final Pattern COMPLETE_AUTHORITY = Pattern.compile("(?i)https?://[^/?#\\s]+[/?#].*", Pattern.DOTALL);

    private UrlCheck() {
    }

    /** Why {@code url} must not be served, or null when it may. */
    public static String problem(String url) {
        if (url.isEmpty()) {
            return "empty";
        }
        if (url.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7F) {
                return "contains whitespace or a control character";
            }
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "not a valid URL (" + e.getReason() + ")";
        }
        String scheme = uri.getScheme();
        if (scheme == null) {
            return "not absolute: Scope would resolve it against its own UI";
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        if (!lower.equals("http") && !lower.equals("https")) {
            return "scheme '" + scheme + "' is not http or https";
        }
        if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
            return "has no host";
        }
        return null;
    }

    /** The authority of an absolute URL: what lies between {@code ://} and the first {@code /}, {@code ?} or {@code #}. */
    static String authorityOf(String url) {
        int start = url.indexOf("://");
        if (start < 0) {
            return "";
        }
        int end = start + 3;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return url.substring(start + 3, end);
    }

    /** Whether a template's fixed start pins the scheme and the whole host, so object values cannot change them. */
    static boolean pinsSchemeAndHost(String fixedPrefix) {
        return COMPLETE_AUTHORITY.matcher(fixedPrefix).matches();
    }
}
