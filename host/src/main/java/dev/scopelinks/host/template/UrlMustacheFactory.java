package dev.scopelinks.host.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.reflect.SimpleObjectHandler;
import com.github.mustachejava.util.Wrapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * A mustache factory for URLs: {@code {{x}}} is percent-encoded instead of HTML-escaped, and names
 * are looked up whole, so {@code {{labels.app.kubernetes.io/name}}} finds the label key
 * {@code app.kubernetes.io/name} instead of walking {@code labels → app → kubernetes}.
 */
final class UrlMustacheFactory extends DefaultMustacheFactory {

    UrlMustacheFactory() {
        setObjectHandler(new WholeNameObjectHandler());
    }

    @Override
    public void encode(String value, Writer writer) {
        try {
            // The markers let an encoding helper around this value tell it from literal text.
            writer.write(EncodingHelper.VALUE_START);
            writer.write(PercentEncoder.encode(value));
            writer.write(EncodingHelper.VALUE_END);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Looks a name up as one key in the map scopes, innermost first; anything else is not found. */
    private static final class WholeNameObjectHandler extends SimpleObjectHandler {
        @Override
        public Wrapper find(String name, List<Object> ignored) {
            return scopes -> {
                for (int i = scopes.size() - 1; i >= 0; i--) {
                    if (scopes.get(i) instanceof Map<?, ?> map && map.containsKey(name)) {
                        return map.get(name);
                    }
                }
                return null;
            };
        }
    }
}
