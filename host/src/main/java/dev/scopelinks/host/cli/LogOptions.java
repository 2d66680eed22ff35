package dev.scopelinks.host.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * {@code --log-format} and {@code --log-level}, a mixin for every long-running command. The
 * defaults come from {@code SCOPE_LINKS_LOG_FORMAT} and {@code SCOPE_LINKS_LOG_LEVEL}, which
 * logback.xml reads too, so lines logged before the command line is parsed already have the
 * format a manifest asked for. {@link ScopeLinksCli} applies the options of whichever command
 * runs before it is called: a command only has to declare the mixin, from any package:
 * {@code @Mixin LogOptions logging = new LogOptions();}.
 */
public final class LogOptions {

    /** The line format. */
    enum Format {
        /** One human-readable line per event. */
        TEXT,
        /** One JSON object per line, for log shippers. */
        JSON;

        /** The name logback.xml knows this format by: it includes {@code scope-links-log-<name>.xml}. */
        String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The levels an operator may ask for. */
    enum LogLevel {
        ERROR, WARN, INFO, DEBUG, TRACE
    }

    static final String FORMAT_PROPERTY = "scope-links.log.format";
    static final String LEVEL_PROPERTY = "scope-links.log.level";

    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "${env:SCOPE_LINKS_LOG_FORMAT:-text}",
            description = "Log lines on stderr as text or as one JSON object per line (fields time, level, logger, "
                    + "message, thread and the event's own, e.g. provider, resource, object, reason) "
                    + "(default: SCOPE_LINKS_LOG_FORMAT, else text).")
    Format format;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "${env:SCOPE_LINKS_LOG_LEVEL:-info}",
            description = "error, warn, info, debug or trace (default: SCOPE_LINKS_LOG_LEVEL, else info).")
    LogLevel level;

    public LogOptions() {
        // picocli sets the options
    }

    /** Applies the {@code LogOptions} mixed into the command that {@code parsed} is about to run, if it has one. */
    static void applyTo(ParseResult parsed) {
        ParseResult command = parsed;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        command.commandSpec().mixins().values().stream()
                .map(CommandSpec::userObject)
                .filter(LogOptions.class::isInstance)
                .map(LogOptions.class::cast)
                .findFirst()
                .ifPresent(LogOptions::apply);
    }

    /** Reloads logback.xml with this format and level, unless they are in force already. */
    void apply() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding (e.g. in an embedding application) configures itself
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Level wanted = Level.toLevel(level.name());
        if (wanted.equals(root.getLevel()) && format.configName().equals(context.getProperty("logFormat"))) {
            return;
        }
        URL config = LogOptions.class.getClassLoader().getResource("logback.xml");
        if (config == null) {
            root.setLevel(wanted); // an embedding that brings its own logback configuration keeps it
            return;
        }
        context.reset();
        context.putProperty(FORMAT_PROPERTY, format.configName());
        context.putProperty(LEVEL_PROPERTY, level.name());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("the logback.xml shipped in the host jar does not load: " + e.getMessage(),
                    e);
        }
    }
}
