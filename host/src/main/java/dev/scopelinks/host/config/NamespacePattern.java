package dev.scopelinks.host.config;

import java.util.regex.Pattern;

/**
 * A namespace name or glob: {@code *} matches any run of characters, {@code ?} one character, e.g.
 * {@code team-*} or {@code prod-??}. Namespace names have no other special characters.
 */
public record NamespacePattern(String glob, Pattern pattern) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9*?]([-a-z0-9*?]*[a-z0-9*?])?");

    public static boolean isValid(String glob) {
        return VALID.matcher(glob).matches();
    }

    public static NamespacePattern of(String glob) {
        if (!isValid(glob)) {
            throw new IllegalArgumentException("not a namespace name or glob: " + glob);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return new NamespacePattern(glob, Pattern.compile(regex.toString()));
    }

    public boolean matches(String namespace) {
        return pattern.matcher(namespace).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
