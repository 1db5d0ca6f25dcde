package dev.summonersim.sdk.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import dev.summonersim.sdk.config.ConfigException;
import dev.summonersim.sdk.config.LoggerConfig;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Sets up Logback from a reference {@code logger} config section, so a Java agent's log looks like the Python one:
 * {@code <time> - <name> - <LEVEL> - <message>} on stdout (colours only on a terminal), plus the optional rotating
 * file {@code <log_file_path>/<name with . replaced by _>.log} with text or JSON lines.
 *
 * <p>The named logger gets the full configuration; the root logger (libraries) gets the same console output at
 * INFO or above, so that a DEBUG agent does not drown in library debug output. Calling it again for the same name
 * replaces that name's appenders; all state lives in Logback's own context.
 */
public final class AgentLogging {
    /** Add to an ERROR log call to print the level as Python's CRITICAL. */
    public static final Marker CRITICAL = MarkerFactory.getMarker("CRITICAL");

    private static final String ROOT_CONSOLE = "summoner-root-console";

    private AgentLogging() {
    }

    public static void configure(String name, LoggerConfig cfg) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            LoggerFactory.getLogger(name).warn("SLF4J is bound to {}, not Logback; the logger config is ignored",
                    factory.getClass().getName());
            return;
        }
        Level parsed = PythonLevelName.parse(cfg.logLevel());
        Level level = parsed == null ? Level.DEBUG : parsed;
        DateTimeFormatter dates = StrftimeFormat.toFormatter(cfg.dateFormat());

        Logger named = context.getLogger(name);
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        if (cfg.enableConsoleLog()) {
            appenders.add(console(context, name + "-console", cfg.consoleLogFormat(), dates));
        }
        if (cfg.enableFileLog()) {
            appenders.add(file(context, name, cfg, dates));
        }
        replaceAppenders(named, appenders);
        named.setLevel(level);
        named.setAdditive(false);

        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        replaceAppenders(root, cfg.enableConsoleLog()
                ? List.of(console(context, ROOT_CONSOLE, cfg.consoleLogFormat(), dates))
                : List.of());
        root.setLevel(level.isGreaterOrEqual(Level.INFO) ? level : Level.INFO);

        if (parsed == null) {
            named.warn("Unknown log_level '{}'; logging at DEBUG as the reference does", cfg.logLevel());
        }
    }

    private static void replaceAppenders(Logger logger, List<Appender<ILoggingEvent>> replacements) {
        List<Appender<ILoggingEvent>> old = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
            old.add(it.next());
        }
        replacements.forEach(logger::addAppender);
        for (Appender<ILoggingEvent> appender : old) {
            logger.detachAppender(appender);
            appender.stop();
        }
    }

    private static Appender<ILoggingEvent> console(LoggerContext context, String appenderName, String format,
                                                   DateTimeFormatter dates) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(appenderName);
        // Python's StreamHandler writes the colour codes regardless; we keep them only where they render.
        appender.setEncoder(encoder(context, started(context, new PythonLogLayout(format, dates,
                System.console() != null))));
        appender.start();
        return appender;
    }

    private static Appender<ILoggingEvent> file(LoggerContext context, String name, LoggerConfig cfg,
                                                DateTimeFormatter dates) {
        Path dir = Path.of(cfg.logFilePath().isEmpty() ? "." : cfg.logFilePath());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ConfigException("logger.log_file_path = \"" + cfg.logFilePath()
                    + "\": cannot create the log directory: " + e, e);
        }
        String file = dir.resolve(name.replace('.', '_') + ".log").toString();
        Layout<ILoggingEvent> layout = cfg.enableJsonLog()
                ? new JsonLineLayout(dates)
                : new PythonLogLayout(cfg.logFormat(), dates, true);
        LayoutWrappingEncoder<ILoggingEvent> encoder = encoder(context, started(context, layout));

        FileAppender<ILoggingEvent> appender;
        // Python's RotatingFileHandler never rolls over when either value is 0.
        if (cfg.maxFileSize() == 0 || cfg.backupCount() == 0) {
            appender = new FileAppender<>();
        } else {
            RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
            rolling.setContext(context);
            rolling.setFile(file); // the policies read it when they start
            FixedWindowRollingPolicy window = new FixedWindowRollingPolicy();
            window.setContext(context);
            window.setParent(rolling);
            window.setFileNamePattern(file + ".%i");
            window.setMinIndex(1);
            window.setMaxIndex(cfg.backupCount());
            SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
            size.setContext(context);
            size.setMaxFileSize(new FileSize(cfg.maxFileSize()));
            size.setCheckIncrement(ch.qos.logback.core.util.Duration.buildByMilliseconds(0));
            rolling.setRollingPolicy(window);
            rolling.setTriggeringPolicy(size);
            window.start();
            size.start();
            appender = rolling;
        }
        appender.setContext(context);
        appender.setName(name + "-file");
        appender.setFile(file);
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    private static Layout<ILoggingEvent> started(LoggerContext context, Layout<ILoggingEvent> layout) {
        layout.setContext(context);
        layout.start();
        return layout;
    }

    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext context, Layout<ILoggingEvent> layout) {
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }
}
