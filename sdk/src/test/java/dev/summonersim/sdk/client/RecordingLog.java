package dev.summonersim.sdk.client;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/** Records what one named logger logs, so tests can wait for a specific log line. */
final class RecordingLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final Logger logger;

    RecordingLog(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        setContext(logger.getLoggerContext());
        setName("recording");
        start();
        logger.addAppender(this);
        logger.setLevel(Level.DEBUG);
    }

    @Override
    protected void append(ILoggingEvent event) {
        events.add(event);
    }

    List<String> messages() {
        return events.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    /** Waits (bounded) for a log line containing {@code text}; returns it with its level in front. */
    String awaitLine(String text) {
        await("log line containing '" + text + "'").atMost(java.time.Duration.ofSeconds(10))
                .until(() -> messages().stream().anyMatch(m -> m.contains(text)));
        return messages().stream().filter(m -> m.contains(text)).findFirst().orElseThrow();
    }

    long count(String text) {
        return messages().stream().filter(m -> m.contains(text)).count();
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }
}
