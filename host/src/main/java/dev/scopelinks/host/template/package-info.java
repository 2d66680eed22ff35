/**
 * URL templates: checked when the config is loaded, rendered for every object change.
 *
 * <p>mustache.java is the one parser and renderer. {@link TemplateCompiler}
 * compiles each template with a factory of its own whose visitor checks every tag as the parser
 * reports it (variables, raw insertion, helpers, partials, the fixed start that pins scheme and
 * host) and builds the code tree from our codes: values looked up whole and percent-encoded (or
 * encoded by the enclosing helper's rule), sections that test for a non-empty value. The
 * operator's text between tags is taken from the source exactly as written, so positions in errors
 * are exact and mustache's standalone-line whitespace rule does not change a link.
 */
package dev.scopelinks.host.template;
