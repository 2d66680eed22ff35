package dev.scopelinks.host.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads every duration option of every command the same way: ISO-8601 ({@code PT60S},
 * {@code PT0.5S}), a number with a unit ({@code 60s}, {@code 500ms}, {@code 2m}, {@code 1h}), or a
 * bare number of seconds ({@code 60}), so {@code --sync-timeout 60} means the same to {@code report}
 * as to {@code serve}.
 */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern WITH_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        String text = value.trim();
        if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return nonNegative(Duration.parse(text), value);
            } catch (DateTimeParseException e) {
                throw invalid(value);
            }
        }
        Matcher matcher = WITH_UNIT.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw invalid(value);
        }
        double amount = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> amount * 1000;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    /** {@code 20 s}, {@code 500 ms}: a duration as people read it, for messages. */
    static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static Duration nonNegative(Duration duration, String value) {
        if (duration.isNegative()) {
            throw invalid(value);
        }
        return duration;
    }

    private static TypeConversionException invalid(String value) {
        return new TypeConversionException("'" + value + "' is not a duration: write ISO-8601 (PT60S, PT0.5S), "
                + "a number with ms, s, m or h (500ms, 60s, 2m), or a number of seconds (60)");
    }
}
