package dev.summonersim.relay;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Collects what the relay logs under one logger name while a test runs, so a test can count log lines. */
final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String loggerName) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.start();
        logger.addAppender(appender);
    }

    /** Captures everything logged by the relay's pipeline (where the backpressure and frame-cap lines come from). */
    static LogCapture pipeline() {
        return new LogCapture("dev.summonersim.relay.pipeline");
    }

    /** Formatted messages containing {@code text}. */
    List<String> linesContaining(String text) {
        synchronized (appender) { // AppenderBase.doAppend holds the same lock
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(text)).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
