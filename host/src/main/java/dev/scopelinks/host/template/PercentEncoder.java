package dev.scopelinks.host.template;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes text for any part of a URL: only RFC 3986's unreserved characters
 * ({@code A-Z a-z 0-9 - . _ ~}) stay as they are, so a value can never end a path segment, start a
 * query or inject a scheme. A space becomes {@code %20}, never {@code +}.
 */
public final class PercentEncoder {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoder() {
    }

    public static String encode(String value) {
        int firstReserved = firstReserved(value);
        if (firstReserved < 0) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static int firstReserved(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isUnreserved(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
