package dev.scopelinks.host.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.IterableCode;
import java.io.Writer;
import java.util.List;

/**
 * {@code {{#x}}…{{/x}}}, rendered when {@code x} has a non-empty value, or {@code {{^x}}…{{/x}}},
 * rendered when it has none. A value is a string, so there is nothing to iterate and no scope to
 * push: the body sees the same variables.
 */
final class ConditionCode extends IterableCode {

    private final VariableLookup lookup;
    private final boolean inverted;

    ConditionCode(TemplateContext tc, DefaultMustacheFactory factory, Mustache body, VariableLookup lookup,
                  boolean inverted) {
        super(tc, factory, body, lookup.name(), inverted ? "^" : "#");
        this.lookup = lookup;
        this.inverted = inverted;
    }

    @Override
    public Writer execute(Writer writer, List<Object> scopes) {
        return lookup.isSetIn(scopes) != inverted ? run(writer, scopes) : writer;
    }
}
