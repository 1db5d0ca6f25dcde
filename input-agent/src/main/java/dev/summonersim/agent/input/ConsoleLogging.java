package dev.summonersim.agent.input;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import dev.summonersim.sdk.config.LoggerConfig;
import dev.summonersim.sdk.logging.AgentLogging;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The SDK's reference-style logging with the console part moved off stdout: stdout is the agent's product (the
 * received-message display that scripts and the harness read), so logs must not mix into it. The file log, when
 * the config enables one, is left as the SDK sets it up.
 */
final class ConsoleLogging {
    private ConsoleLogging() {
    }

    /** Console log lines go to stderr. */
    static void configureToStderr(String name, LoggerConfig cfg) {
        configure(name, cfg, null);
    }

    /** Console log lines go to {@code console} (an interactive terminal prints them above the prompt). */
    static void configure(String name, LoggerConfig cfg, OutputStream console) {
        AgentLogging.configure(name, cfg);
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        redirect(context, context.getLogger(name), console);
        redirect(context, context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME), console);
    }

    private static void redirect(LoggerContext context, Logger logger, OutputStream console) {
        List<ConsoleAppender<ILoggingEvent>> consoles = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof ConsoleAppender<ILoggingEvent> c) {
                consoles.add(c);
            }
        }
        for (ConsoleAppender<ILoggingEvent> c : consoles) {
            if (console == null) {
                // The target is read when the appender starts, so restart it with the new one.
                c.stop();
                c.setTarget("System.err");
                c.start();
            } else {
                OutputStreamAppender<ILoggingEvent> replacement = new OutputStreamAppender<>();
                replacement.setContext(context);
                replacement.setName(c.getName());
                replacement.setEncoder(c.getEncoder());
                replacement.setOutputStream(console);
                replacement.start();
                logger.detachAppender(c);
                logger.addAppender(replacement);
            }
        }
    }
}
