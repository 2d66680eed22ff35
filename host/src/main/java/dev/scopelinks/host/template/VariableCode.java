package dev.scopelinks.host.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.ValueCode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code {{x}}} (the value encoded for where it stands) or {@code {{{x}}}}/{@code {{&x}}} (a config
 * value as written, which counts as the operator's own text). Outside a helper, encoding is the
 * factory's {@link DefaultMustacheFactory#encode}; inside one, the helper's rule, chosen when the
 * template was compiled.
 */
final class VariableCode extends ValueCode {

    private final VariableLookup lookup;
    private final EncodingHelper helper;

    /**
     * @param encoded whether the tag is {@code {{x}}} rather than raw
     * @param helper  the helper the tag stands in, or null
     */
    VariableCode(TemplateContext tc, DefaultMustacheFactory factory, VariableLookup lookup, boolean encoded,
                 EncodingHelper helper) {
        super(tc, factory, lookup.name(), encoded);
        this.lookup = lookup;
        this.helper = helper;
    }

    @Override
    public Writer execute(Writer writer, List<Object> scopes) {
        String value = lookup.valueIn(scopes);
        if (value == null) {
            return writer;
        }
        try {
            if (encoded && helper == null) {
                df.encode(value, writer);
            } else if (encoded) {
                writer.write(helper.value(value));
            } else {
                writer.write(helper == null ? value : helper.literal(value));
            }
        } catch (IOException e) {
            throw new MustacheException("Failed to write", e, tc);
        }
        return writer;
    }
}
