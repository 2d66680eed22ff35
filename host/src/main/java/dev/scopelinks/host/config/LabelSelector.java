package dev.scopelinks.host.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Kubernetes label selector in {@code kubectl -l} syntax, e.g.
 * {@code app=web,tier!=db,env in (prod,stage),!canary}: requirements separated by commas, all of
 * which must hold. Supported: {@code k=v}, {@code k==v}, {@code k!=v}, {@code k in (a,b)},
 * {@code k notin (a,b)}, {@code k} (present) and {@code !k} (absent). As in Kubernetes, {@code !=}
 * and {@code notin} also hold for an object without the label.
 */
public final class LabelSelector {

    /** Label keys: an optional DNS prefix and '/', then a name (Kubernetes' own rules, lengths aside). */
    private static final Pattern KEY = Pattern.compile(
            "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");

    /** One requirement of the selector. */
    public record Requirement(String key, Operator operator, Set<String> values) {
        public Requirement {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(operator, "operator");
            values = Set.copyOf(values);
        }

        boolean test(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case EXISTS -> value != null;
                case NOT_EXISTS -> value == null;
                case IN -> value != null && values.contains(value);
                case NOT_IN -> value == null || !values.contains(value);
            };
        }
    }

    /** How a requirement compares; {@code =} is {@code in} with one value, {@code !=} is {@code notin}. */
    public enum Operator { EXISTS, NOT_EXISTS, IN, NOT_IN }

    /** A selector that does not parse, at a character offset within it. */
    public static final class SyntaxException extends Exception {
        private final int offset;

        SyntaxException(int offset, String message) {
            super(message);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    private final String text;
    private final List<Requirement> requirements;

    private LabelSelector(String text, List<Requirement> requirements) {
        this.text = text;
        this.requirements = List.copyOf(requirements);
    }

    /** Parses {@code text}; an empty selector matches everything. */
    public static LabelSelector parse(String text) throws SyntaxException {
        return new LabelSelector(text, new Parser(text).requirements());
    }

    public List<Requirement> requirements() {
        return requirements;
    }

    /** Whether an object with {@code labels} is selected. */
    public boolean matches(Map<String, String> labels) {
        for (Requirement requirement : requirements) {
            if (!requirement.test(labels)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }

    /** A small recursive-descent parser over the selector's characters. */
    private static final class Parser {
        private final String text;
        private int position;

        Parser(String text) {
            this.text = text;
        }

        List<Requirement> requirements() throws SyntaxException {
            List<Requirement> requirements = new ArrayList<>();
            skipSpaces();
            if (position == text.length()) {
                return requirements;
            }
            while (true) {
                requirements.add(requirement());
                skipSpaces();
                if (position == text.length()) {
                    return requirements;
                }
                expect(',', "',' between requirements");
            }
        }

        private Requirement requirement() throws SyntaxException {
            skipSpaces();
            if (peek() == '!') {
                position++;
                skipSpaces();
                return new Requirement(key(), Operator.NOT_EXISTS, Set.of());
            }
            String key = key();
            skipSpaces();
            if (position == text.length() || peek() == ',') {
                return new Requirement(key, Operator.EXISTS, Set.of());
            }
            if (text.startsWith("!=", position)) {
                position += 2;
                return new Requirement(key, Operator.NOT_IN, Set.of(value()));
            }
            if (text.startsWith("==", position)) {
                position += 2;
                return new Requirement(key, Operator.IN, Set.of(value()));
            }
            if (peek() == '=') {
                position++;
                return new Requirement(key, Operator.IN, Set.of(value()));
            }
            int wordStart = position;
            String word = word();
            if (word.equals("in") || word.equals("notin")) {
                return new Requirement(key, word.equals("in") ? Operator.IN : Operator.NOT_IN, set());
            }
            throw new SyntaxException(wordStart, "expected '=', '==', '!=', 'in', 'notin', ',' or the end after "
                    + "label key '" + key + "'" + (word.isEmpty() ? ", found '" + peek() + "'" : ", found '" + word + "'"));
        }

        private Set<String> set() throws SyntaxException {
            skipSpaces();
            expect('(', "'(' to start the list of values");
            Set<String> values = new LinkedHashSet<>();
            while (true) {
                values.add(value());
                skipSpaces();
                if (peek() == ')') {
                    position++;
                    return values;
                }
                expect(',', "',' or ')' in the list of values");
            }
        }

        private String key() throws SyntaxException {
            int start = position;
            String key = word();
            if (key.isEmpty()) {
                throw new SyntaxException(start, "expected a label key" + found());
            }
            if (!KEY.matcher(key).matches()) {
                throw new SyntaxException(start, "'" + key + "' is not a valid label key (e.g. app or "
                        + "app.kubernetes.io/name)");
            }
            return key;
        }

        private String value() throws SyntaxException {
            skipSpaces();
            int start = position;
            String value = word();
            if (!VALUE.matcher(value).matches()) {
                throw new SyntaxException(start, "'" + value + "' is not a valid label value (letters, digits, "
                        + "'-', '_' and '.', starting and ending with a letter or digit)");
            }
            return value;
        }

        /** Characters that can be part of a key, a value or a keyword. */
        private String word() {
            int start = position;
            while (position < text.length()) {
                char c = text.charAt(position);
                if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '/') {
                    position++;
                } else {
                    break;
                }
            }
            return text.substring(start, position);
        }

        private void expect(char c, String what) throws SyntaxException {
            if (peek() != c) {
                throw new SyntaxException(position, "expected " + what + found());
            }
            position++;
        }

        private String found() {
            return position < text.length() ? ", found '" + text.charAt(position) + "'" : ", found the end";
        }

        private char peek() {
            return position < text.length() ? text.charAt(position) : '\0';
        }

        private void skipSpaces() {
            while (position < text.length() && text.charAt(position) == ' ') {
                position++;
            }
        }
    }
}
