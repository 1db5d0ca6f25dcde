package dev.summonersim.simulator;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.summonersim.relay.pipeline.RateLimitHandler;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.LoggerFactory;

/**
 * Counts the lines the relay dropped for its rate limit, from the warning it logs once per read burst with the
 * burst's count as an argument; the relay keeps no counter of its own. Attached for one run, detached by close().
 */
final class RateLimitCounter extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final LongAdder dropped = new LongAdder();
    private final Set<String> limitedSenders = ConcurrentHashMap.newKeySet();
    private final Logger relayLogger = (Logger) LoggerFactory.getLogger(RateLimitHandler.class);

    RateLimitCounter() {
        setName("simulation-rate-limit-counter");
        setContext(relayLogger.getLoggerContext());
        start();
        if (!relayLogger.isWarnEnabled()) {
            relayLogger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        relayLogger.addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
        Object[] args = event.getArgumentArray();
        if (event.getMessage().contains("over the rate limit") && args != null && args.length >= 2
                && args[1] instanceof Number n) {
            dropped.add(n.longValue());
            limitedSenders.add(String.valueOf(args[0]));
        }
    }

    /** Whether the relay dropped lines of this sender ({@code host:port}, as in remote_addr). */
    boolean limited(String senderAddr) {
        return limitedSenders.contains(senderAddr);
    }

    long dropped() {
        return dropped.sum();
    }

    @Override
    public void close() {
        relayLogger.detachAppender(this);
        stop();
    }
}
