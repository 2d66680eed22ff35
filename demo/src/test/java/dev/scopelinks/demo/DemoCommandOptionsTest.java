package dev.scopelinks.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class DemoCommandOptionsTest {

    @Test
    void takesTheSameLogOptionsAsServe() {
        // given the demo command as the CLI mounts it
        CommandLine demo = new CommandLine(new DemoCommand()).setCaseInsensitiveEnumValuesAllowed(true);

        // when an operator asks for JSON logs at debug level
        ParseResult parsed = demo.parseArgs("--log-format", "json", "--log-level", "debug");

        // then both options are the demo's own, with the values asked for
        assertThat(String.valueOf((Object) parsed.matchedOptionValue("--log-format", null))).isEqualTo("JSON");
        assertThat(String.valueOf((Object) parsed.matchedOptionValue("--log-level", null))).isEqualTo("DEBUG");
    }
}
