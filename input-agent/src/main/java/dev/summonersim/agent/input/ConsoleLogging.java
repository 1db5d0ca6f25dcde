package dev.summonersim.agent.input;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import dev.summonersim.sdk.config.LoggerConfig;
import dev.summonersim.sdk.logging.AgentLogging;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * The SDK's reference-style logging, with the console part moved from stdout to stderr: stdout is the agent's
 * product (the received-message display that scripts and the harness read), so logs must not mix into it.
 */
final class ConsoleLogging {
    private ConsoleLogging() {
    }

    static void configure(String name, LoggerConfig cfg) {
        AgentLogging.configure(name, cfg);
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        toStderr(context.getLogger(name));
        toStderr(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
    }

    private static void toStderr(Logger logger) {
        for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof ConsoleAppender<ILoggingEvent> console) {
                // The target is read when the appender starts, so restart it with the new one.
                console.stop();
                console.setTarget("System.err");
                console.start();
            }
        }
    }
}
