package dev.scopelinks.host.config;

import java.io.Reader;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;
import tools.jackson.dataformat.yaml.YAMLReadFeature;

/**
 * The YAML 1.1 scalar rules the config has always been read with (Jackson 2's YAML parser on
 * SnakeYAML), kept on Jackson 3, whose parser defaults to YAML 1.2's JSON schema: an unquoted
 * {@code yes}, {@code no}, {@code on}, {@code off} is a boolean, {@code ~} and {@code Null} are null,
 * {@code 0x1F}, {@code 017}, {@code +12} and {@code 1_000} are integers, and a key with no value is
 * the empty string. Quoted scalars are strings, as ever.
 */
final class YamlScalars {

    // SnakeYAML's YAML 1.1 implicit resolvers: pattern, the first characters it applies to, the longest value.
    private static final Pattern BOOL = Pattern.compile(
            "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
    private static final Pattern INT = Pattern.compile("^(?:[-+]?0b_*[0-1][0-1_]*|[-+]?0_*[0-7][0-7_]*"
            + "|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x_*[0-9a-fA-F][0-9a-fA-F_]*|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
    private static final Pattern FLOAT = Pattern.compile("^([-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
            + "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\\.[0-9_]+(?:[eE][-+]?[0-9]+)?"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
    private static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL| )$");

    private static final String[] TRUE_WORDS = {"y", "yes", "on", "true"};
    private static final String[] FALSE_WORDS = {"n", "no", "off", "false"};

    private static final ScalarResolver RESOLVER = YamlScalars::resolve;

    /** The YAML 1.1 schema: only its scalar resolver matters, the parser builds no nodes. */
    private static final Schema SCHEMA = new Schema() {
        @Override
        public ScalarResolver getScalarResolver() {
            return RESOLVER;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            return Map.of();
        }
    };

    /** A YAML factory whose parsers type scalars as described above. */
    static final YAMLFactory FACTORY = new Factory();

    private YamlScalars() {
    }

    /**
     * The tag of a scalar: what SnakeYAML's YAML 1.1 resolver answers for the tags the parser
     * tells apart (the others, such as timestamps, are strings to it anyway).
     */
    static Tag resolve(String value, Boolean implicit) {
        if (!Boolean.TRUE.equals(implicit) || value.isEmpty()) {
            return Tag.STR;
        }
        char first = value.charAt(0);
        int length = value.length();
        if ("yYnNtTfFoO".indexOf(first) >= 0 && length <= 10 && BOOL.matcher(value).matches()) {
            return Tag.BOOL;
        }
        if ("-+0123456789".indexOf(first) >= 0 && length <= 1024 && INT.matcher(value).matches()) {
            return Tag.INT;
        }
        if ("-+0123456789.".indexOf(first) >= 0 && length <= 1024 && FLOAT.matcher(value).matches()) {
            return Tag.FLOAT;
        }
        if ("~nN".indexOf(first) >= 0 && length <= 10 && NULL.matcher(value).matches()) {
            return Tag.NULL;
        }
        return Tag.STR;
    }

    /**
     * Jackson 2's YAML booleans, for a scalar resolved (or tagged) as one: {@code y}, {@code n},
     * {@code yes}, {@code no}, {@code on}, {@code off}, {@code true}, {@code false}, in any case.
     */
    static Boolean yaml11Boolean(String value) {
        for (String word : TRUE_WORDS) {
            if (word.equalsIgnoreCase(value)) {
                return Boolean.TRUE;
            }
        }
        for (String word : FALSE_WORDS) {
            if (word.equalsIgnoreCase(value)) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    private static final class Factory extends YAMLFactory {
        Factory() {
            // Duplicate keys are reported by YamlReader, with where the first one is written.
            super(YAMLFactory.builder()
                    .loadSettings(LoadSettings.builder().setSchema(SCHEMA).setAllowDuplicateKeys(true).build())
                    .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .disable(YAMLReadFeature.EMPTY_STRING_AS_NULL));
        }

        @Override
        protected YAMLParser _createParser(ObjectReadContext context, IOContext io, Reader reader) {
            return new Parser(context, io, _getBufferRecycler(), context.getStreamReadFeatures(_streamReadFeatures),
                    context.getFormatReadFeatures(_formatReadFeatures), _loadSettings, reader);
        }
    }

    private static final class Parser extends YAMLParser {
        Parser(ObjectReadContext context, IOContext io, BufferRecycler recycler, int streamFeatures, int formatFeatures,
               LoadSettings settings, Reader reader) {
            super(context, io, recycler, streamFeatures, formatFeatures, settings, reader);
        }

        @Override
        protected Boolean _matchYAMLBoolean(String value, int length) {
            return yaml11Boolean(value);
        }
    }
}
