package dev.scopelinks.host.template;

import java.net.IDN;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Makes sure a link reads as where it goes. Scope shows the URL itself as the link's text, so a
 * link must not be able to look like another: no user information before the host
 * ({@code https://ok.example.com@evil.example/} goes to {@code evil.example}), no host that
 * mixes look-alike scripts ({@code example.com} spelt with a Cyrillic U+0430 for its {@code a}), and no bidirectional
 * controls or invisible characters anywhere (U+202E shows the rest of a link backwards).
 * Internationalised hosts that pass are served in their ASCII (punycode) form, which cannot be
 * mistaken for another name. Applies to rendered templates and annotation values alike.
 */
public final class LinkSafety {

    /** Reasons a link is refused, as they appear in {@code scope_links_links_skipped_total}. */
    public static final String USERINFO = "unsafe-link:userinfo";
    public static final String BIDI = "unsafe-link:bidi";
    public static final String INVISIBLE = "unsafe-link:invisible";
    public static final String LOOK_ALIKE_HOST = "unsafe-link:look-alike-host";
    public static final String INVALID_HOST = "unsafe-link:invalid-host";

    /** Scripts whose letters pass for each other's; one host label may use only one of them. */
    private static final Set<Character.UnicodeScript> CONFUSABLE_SCRIPTS = EnumSet.of(Character.UnicodeScript.LATIN,
            Character.UnicodeScript.CYRILLIC, Character.UnicodeScript.GREEK);
    /** Cyrillic letters that look like Latin ones: a label made only of these spells a Latin word. */
    private static final String CYRILLIC_LATIN_LOOK_ALIKES = "\u0430\u0441\u0501\u0435\u04BB\u0456\u0458\u04CF\u043E\u0440\u051B\u0455\u051D\u0445\u0443\u044C\u0475";

    private LinkSafety() {
    }

    /**
     * The link as it may be shown: {@code url} itself, with an internationalised host in punycode;
     * or why it must not be shown. {@code url} must already have passed {@link UrlCheck#problem}.
     */
    public static RenderResult check(String url) {
        RenderResult.Skipped character = unsafeCharacter(url);
        if (character != null) {
            return character;
        }
        String authority = UrlCheck.authorityOf(url);
        int authorityStart = url.indexOf("://") + 3;
        int authorityEnd = authorityStart + authority.length();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            return new RenderResult.Skipped(USERINFO, "has user information before its host: it reads as a link to '"
                    + authority.substring(0, at) + "' but goes to '" + authority.substring(at + 1) + "'");
        }
        if (authority.startsWith("[")) {
            return new RenderResult.Rendered(url);
        }
        int colon = authority.lastIndexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        if (host.chars().allMatch(c -> c < 0x80)) {
            return new RenderResult.Rendered(url);
        }
        for (String label : host.split("\\.", -1)) {
            String lookAlike = lookAlike(label, host);
            if (lookAlike != null) {
                return new RenderResult.Skipped(LOOK_ALIKE_HOST, "has a host label '" + label + "' that " + lookAlike);
            }
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return new RenderResult.Skipped(INVALID_HOST, "has a host '" + host + "' that is not a valid "
                    + "internationalised domain name (" + e.getMessage() + ")");
        }
        String served = url.substring(0, authorityStart) + ascii + authority.substring(host.length())
                + url.substring(authorityEnd);
        String problem = UrlCheck.problem(served);
        if (problem != null) {
            return new RenderResult.Skipped(INVALID_HOST, "with its host in punycode, '" + served + "', is " + problem);
        }
        return new RenderResult.Rendered(served);
    }

    /** The first bidirectional control or invisible character in {@code text}, as a refusal; else null. */
    static RenderResult.Skipped unsafeCharacter(String text) {
        int index = unsafeCharacterAt(text);
        if (index < 0) {
            return null;
        }
        int codePoint = text.codePointAt(index);
        String name = String.format(Locale.ROOT, "U+%04X", codePoint);
        return isBidiControl(codePoint)
                ? new RenderResult.Skipped(BIDI, "contains the bidirectional control " + name
                        + ", which can make a link read as another")
                : new RenderResult.Skipped(INVISIBLE, "contains the invisible character " + name
                        + ", which can make a link read as another");
    }

    /** Where the first bidirectional control or invisible character in {@code text} is, or -1. */
    static int unsafeCharacterAt(String text) {
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int codePoint = text.codePointAt(i);
            if (codePoint >= 0x80 && (isBidiControl(codePoint) || isInvisible(codePoint))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBidiControl(int codePoint) {
        return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || codePoint == 0x200E || codePoint == 0x200F || codePoint == 0x061C;
    }

    /** Format and control characters (zero-width spaces and joiners, U+2060, U+FEFF among them) and non-ASCII spaces. */
    private static boolean isInvisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.FORMAT, Character.CONTROL, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }

    /** Why {@code label} can pass for another name, or null. */
    private static String lookAlike(String label, String host) {
        Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        label.codePoints().mapToObj(Character.UnicodeScript::of).filter(CONFUSABLE_SCRIPTS::contains)
                .forEach(scripts::add);
        if (scripts.size() > 1) {
            return "mixes " + describe(scripts) + " letters";
        }
        String lastLabel = host.substring(host.lastIndexOf('.') + 1);
        boolean latinTopLevel = lastLabel.chars().allMatch(c -> c < 0x80);
        boolean onlyLookAlikes = !label.isEmpty() && label.codePoints().allMatch(c -> c == '-'
                || Character.isDigit(c) || CYRILLIC_LATIN_LOOK_ALIKES.indexOf(Character.toLowerCase(c)) >= 0);
        if (latinTopLevel && onlyLookAlikes && label.codePoints().anyMatch(c -> c >= 0x80)) {
            return "is spelt only with Cyrillic letters that look Latin, under a Latin top-level domain";
        }
        return null;
    }

    private static String describe(Set<Character.UnicodeScript> scripts) {
        StringBuilder text = new StringBuilder();
        for (Character.UnicodeScript script : scripts) {
            if (!text.isEmpty()) {
                text.append(" and ");
            }
            String name = script.name().toLowerCase(Locale.ROOT);
            text.append(Character.toUpperCase(name.charAt(0))).append(name.substring(1));
        }
        return text.toString();
    }
}
