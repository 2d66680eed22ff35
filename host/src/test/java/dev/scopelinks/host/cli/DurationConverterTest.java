package dev.scopelinks.host.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsIsoDurationsNumbersWithUnitsAndBareSecondsAlike() {
        assertThat(converter.convert("PT60S")).isEqualTo(Duration.ofSeconds(60));
        assertThat(converter.convert("pt0.5s")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(converter.convert("60")).isEqualTo(Duration.ofSeconds(60));
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusesWhatIsNotADurationNamingTheFormsItTakes() {
        assertThatThrownBy(() -> converter.convert("soon")).isInstanceOf(TypeConversionException.class)
                .hasMessage("'soon' is not a duration: write ISO-8601 (PT60S, PT0.5S), a number with ms, s, m or h "
                        + "(500ms, 60s, 2m), or a number of seconds (60)");
        assertThatThrownBy(() -> converter.convert("-5s")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> converter.convert("PT-5S")).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void givesEveryCommandsSyncTimeoutTheSameMeaning() {
        for (String command : new String[] {"report", "serve"}) {
            StringWriter err = new StringWriter();
            int code = ScopeLinksCli.run(new String[] {command, "--config", "absent.yaml", "--sync-timeout", "soon"},
                    new PrintWriter(new StringWriter()), new PrintWriter(err));

            assertThat(code).as(command).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(err.toString()).as(command).contains("'soon' is not a duration");
        }
    }

    @Test
    void describesADurationTheWayPeopleReadIt() {
        assertThat(DurationConverter.describe(Duration.ofSeconds(20))).isEqualTo("20 s");
        assertThat(DurationConverter.describe(Duration.ofMillis(1500))).isEqualTo("1500 ms");
    }
}
