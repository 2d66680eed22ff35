package dev.scopelinks.host.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.IterableCode;
import java.io.Writer;
import java.util.List;

/**
 * {@code {{#path}}…{{/path}}} and the other encoding helpers: the body is always rendered. Its text
 * was encoded by the helper's rule when the template was compiled, and its values carry the
 * helper's rule ({@link VariableCode}), so rendering needs no wrapper around the writer and nothing
 * in the output marks where a value starts.
 */
final class HelperSectionCode extends IterableCode {

    HelperSectionCode(TemplateContext tc, DefaultMustacheFactory factory, Mustache body, EncodingHelper helper) {
        super(tc, factory, body, helper.sectionName(), "#");
    }

    @Override
    public Writer execute(Writer writer, List<Object> scopes) {
        return run(writer, scopes);
    }
}
