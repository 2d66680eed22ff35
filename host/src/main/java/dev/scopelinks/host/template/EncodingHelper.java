package dev.scopelinks.host.template;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The encoding helpers a template can wrap around part of a URL, as mustache sections:
 * <ul>
 *   <li>{@code {{#path}}…{{/path}}}: values may span path segments: their {@code /} stay, everything
 *       else is percent-encoded (and {@code .}/{@code ..} segments are encoded, so they cannot climb).
 *       {@code https://git.example.com/blob/main/{{#path}}{{annotations.source}}{{/path}}}</li>
 *   <li>{@code {{#query}}…{{/query}}}: values as readable query values: {@code : / @ ! $ ' ( ) * , ?}
 *       stay, {@code & = + # ;} and the rest are encoded.</li>
 *   <li>{@code {{#json}}…{{/json}}}: the body is a JSON document written by the operator; values
 *       inside are JSON-string-escaped and the whole document is then encoded as a query value
 *       (Grafana Explore's {@code panes}).</li>
 *   <li>{@code {{#rison}}…{{/rison}}}: the same for rison, the notation of Kibana's {@code _g}/{@code _a}
 *       state: values inside {@code '…'} get rison's {@code !} escapes.</li>
 * </ul>
 * Outside any helper, {@code {{x}}} encodes every character but RFC 3986's unreserved ones, which is
 * safe in any part of a URL.
 *
 * <p>The operator's own text inside a helper is encoded by the same rule as the values (for
 * {@code json} and {@code rison} it is the document's syntax), so {@code {{#query}}pod: {{name}}{{/query}}}
 * gives {@code pod:%20web-1}.
 *
 * <p>mustache.java parses a helper as a section; the compiler encodes the operator's text inside it
 * with {@link #literal} once, when the template is compiled, and the helper's value codes apply
 * {@link #value} to each value as it is rendered ({@link VariableCode}), so nothing in the rendered
 * text has to mark where a value starts.
 */
public enum EncodingHelper {
    PATH, QUERY, JSON, RISON;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final String QUERY_SAFE = ":/@!$'()*,?";

    /** The section name templates use, e.g. {@code json}. */
    public String sectionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The helper a section name stands for. */
    public static Optional<EncodingHelper> forSection(String name) {
        return Arrays.stream(values()).filter(helper -> helper.sectionName().equals(name)).findFirst();
    }

    /** Text the operator wrote inside this helper (or a raw config value), encoded. */
    String literal(String text) {
        return switch (this) {
            case PATH -> encode(text, "/");
            case QUERY, JSON, RISON -> encode(text, QUERY_SAFE);
        };
    }

    /** A variable's value inside this helper, encoded. */
    String value(String value) {
        return switch (this) {
            case PATH -> pathSegments(value);
            case QUERY -> encode(value, QUERY_SAFE);
            case JSON -> encode(jsonEscape(value), QUERY_SAFE);
            case RISON -> encode(risonEscape(value), QUERY_SAFE);
        };
    }

    private static String pathSegments(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        String[] segments = value.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            String segment = segments[i];
            out.append(segment.equals(".") || segment.equals("..") ? segment.replace(".", "%2E")
                    : encode(segment, ""));
        }
        return out.toString();
    }

    /** Escapes text for the inside of a JSON string. */
    static String jsonEscape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Escapes text for the inside of a rison string {@code '…'}: {@code !} and {@code '} take a {@code !}. */
    static String risonEscape(String value) {
        return value.replace("!", "!!").replace("'", "!'");
    }

    /** Percent-encodes UTF-8 bytes except the unreserved characters and {@code safe}. */
    static String encode(String text, String safe) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved || (c < 0x80 && safe.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
