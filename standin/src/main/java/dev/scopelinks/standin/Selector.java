package dev.scopelinks.standin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code labelSelector} or {@code fieldSelector} as the API server parses it, applied to an
 * object's JSON. Label selectors take {@code k=v}, {@code k==v}, {@code k!=v}, {@code k},
 * {@code !k}, {@code k in (a,b)} and {@code k notin (a,b)}; field selectors take {@code =},
 * {@code ==} and {@code !=} on any dotted path such as {@code metadata.name} or
 * {@code spec.nodeName} (a real server allows fewer fields per kind; allowing all is harmless here).
 */
final class Selector implements Predicate<JsonNode> {

    private static final String KEY = "([A-Za-z0-9][-A-Za-z0-9_./]*)";
    private static final String VALUE = "([-A-Za-z0-9_.]*)";
    private static final Pattern NOT_EXISTS = Pattern.compile("!\\s*" + KEY);
    private static final Pattern SET = Pattern.compile(KEY + "\\s+(in|notin)\\s*\\(([^)]*)\\)");
    private static final Pattern EQUALITY = Pattern.compile(KEY + "\\s*(==|=|!=)\\s*" + VALUE);
    private static final Pattern FIELD = Pattern.compile(KEY + "\\s*(==|=|!=)\\s*(.*)");
    private static final Pattern EXISTS = Pattern.compile(KEY);

    static final Selector EVERYTHING = new Selector(List.of());

    private final List<Predicate<JsonNode>> requirements;

    private Selector(List<Predicate<JsonNode>> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    @Override
    public boolean test(JsonNode object) {
        return requirements.stream().allMatch(requirement -> requirement.test(object));
    }

    /** Parses a label selector; throws {@link IllegalArgumentException} with the bad part named. */
    static Selector labels(String selector) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        List<Predicate<JsonNode>> requirements = new ArrayList<>();
        for (String part : splitTopLevel(selector)) {
            String requirement = part.trim();
            Matcher m;
            if ((m = NOT_EXISTS.matcher(requirement)).matches()) {
                String key = m.group(1);
                requirements.add(object -> label(object, key) == null);
            } else if ((m = SET.matcher(requirement)).matches()) {
                String key = m.group(1);
                boolean in = m.group(2).equals("in");
                Set<String> values = Set.copyOf(List.of(m.group(3).trim().split("\\s*,\\s*")));
                requirements.add(object -> {
                    String value = label(object, key);
                    return in ? value != null && values.contains(value) : value == null || !values.contains(value);
                });
            } else if ((m = EQUALITY.matcher(requirement)).matches()) {
                String key = m.group(1);
                boolean equal = !m.group(2).equals("!=");
                String expected = m.group(3);
                requirements.add(object -> equal == expected.equals(label(object, key)));
            } else if ((m = EXISTS.matcher(requirement)).matches()) {
                String key = m.group(1);
                requirements.add(object -> label(object, key) != null);
            } else {
                throw new IllegalArgumentException("unable to parse requirement: \"" + requirement + "\"");
            }
        }
        return new Selector(requirements);
    }

    /** Parses a field selector; throws {@link IllegalArgumentException} with the bad part named. */
    static Selector fields(String selector) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        List<Predicate<JsonNode>> requirements = new ArrayList<>();
        for (String part : selector.split(",")) {
            Matcher m = FIELD.matcher(part.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("invalid field selector: \"" + part + "\"");
            }
            String[] path = m.group(1).split("\\.");
            boolean equal = !m.group(2).equals("!=");
            String expected = m.group(3);
            requirements.add(object -> equal == expected.equals(field(object, path)));
        }
        return new Selector(requirements);
    }

    /** The single name a field selector pins, as {@code kubectl get pod x -w} sends it. */
    static String field(JsonNode object, String... path) {
        JsonNode node = object;
        for (String step : path) {
            node = node.path(step);
        }
        return node.isValueNode() ? node.asText() : "";
    }

    private static String label(JsonNode object, String key) {
        JsonNode value = object.path("metadata").path("labels").get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> splitTopLevel(String selector) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(selector.substring(start));
        return parts;
    }
}
