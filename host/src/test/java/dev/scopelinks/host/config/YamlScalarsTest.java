package dev.scopelinks.host.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The config keeps YAML 1.1's scalar types (as with Jackson 2), though Jackson 3 defaults to YAML 1.2's. */
class YamlScalarsTest {

    @Test
    void unquotedScalarsAreTypedByYaml11() {
        Map<String, YamlNode.ScalarType> types = types("""
                yes: yes
                on: On
                off: OFF
                true: True
                y: y
                tilde: ~
                nullWord: Null
                empty:
                hex: 0x1F
                octal: 017
                plus: +12
                underscores: 1_000
                float: 1.5
                nan: .NaN
                time: 12:30
                date: 2024-01-01
                quoted: "yes"
                single: '12'
                tagged: !!str 5
                """);
        assertThat(types).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("yes", YamlNode.ScalarType.BOOLEAN), Map.entry("on", YamlNode.ScalarType.BOOLEAN),
                Map.entry("off", YamlNode.ScalarType.BOOLEAN), Map.entry("true", YamlNode.ScalarType.BOOLEAN),
                Map.entry("y", YamlNode.ScalarType.STRING), Map.entry("tilde", YamlNode.ScalarType.NULL),
                Map.entry("nullWord", YamlNode.ScalarType.NULL), Map.entry("empty", YamlNode.ScalarType.STRING),
                Map.entry("hex", YamlNode.ScalarType.INTEGER), Map.entry("octal", YamlNode.ScalarType.INTEGER),
                Map.entry("plus", YamlNode.ScalarType.INTEGER), Map.entry("underscores", YamlNode.ScalarType.INTEGER),
                Map.entry("float", YamlNode.ScalarType.FLOAT), Map.entry("nan", YamlNode.ScalarType.FLOAT),
                Map.entry("time", YamlNode.ScalarType.STRING), Map.entry("date", YamlNode.ScalarType.STRING),
                Map.entry("quoted", YamlNode.ScalarType.STRING), Map.entry("single", YamlNode.ScalarType.STRING),
                Map.entry("tagged", YamlNode.ScalarType.STRING)));
    }

    @Test
    void aDuplicateKeyIsReportedWhereItIsWritten() {
        List<ConfigError> errors = new ArrayList<>();
        new YamlReader("links.yaml", errors).read(new StringReader("a: 1\na: 2\n"));
        assertThat(errors).singleElement().asString()
                .isEqualTo("links.yaml:2:1: a: duplicate key (first written at line 1)");
    }

    private static Map<String, YamlNode.ScalarType> types(String yaml) {
        List<ConfigError> errors = new ArrayList<>();
        YamlNode root = new YamlReader("links.yaml", errors).read(new StringReader(yaml));
        assertThat(errors).isEmpty();
        Map<String, YamlNode.ScalarType> types = new TreeMap<>();
        ((YamlNode.Mapping) root).entries().forEach((key, entry) ->
                types.put(key, ((YamlNode.Scalar) entry.value()).type()));
        return types;
    }
}
