package dev.scopelinks.host.template;

import java.util.List;
import java.util.Objects;

/**
 * One piece of a parsed URL template. The compiler builds these from {@link TemplateLexer}'s tags
 * once, after checking them, and {@link UrlTemplate} renders from them: the same reading of the
 * template decides what is checked and what is served.
 */
sealed interface TemplatePart {

    /** Text the operator wrote, outside any tag. */
    record Text(String text) implements TemplatePart {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * {@code {{x}}} (a value, encoded for where it stands) or {@code {{{x}}}}/{@code {{&x}}} (a config
     * value inserted as written, which counts as the operator's own text).
     */
    record Value(String name, boolean raw) implements TemplatePart {
        public Value {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code {{#x}}…{{/x}}}, shown when {@code x} has a value, or {@code {{^x}}…{{/x}}}, shown when it has none. */
    record Section(String name, boolean inverted, List<TemplatePart> body) implements TemplatePart {
        public Section {
            Objects.requireNonNull(name, "name");
            body = List.copyOf(body);
        }
    }

    /** {@code {{#path}}…{{/path}}} and the other encoding helpers: the body encoded for one part of a URL. */
    record Helper(EncodingHelper helper, List<TemplatePart> body) implements TemplatePart {
        public Helper {
            Objects.requireNonNull(helper, "helper");
            body = List.copyOf(body);
        }
    }
}
