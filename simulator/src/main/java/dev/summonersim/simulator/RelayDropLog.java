package dev.summonersim.simulator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.summonersim.relay.pipeline.Broadcaster;
import dev.summonersim.relay.pipeline.RateLimitHandler;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.slf4j.LoggerFactory;

/**
 * What the relay dropped, and whose, from the warnings it logs: lines over the rate limit (logged once per read burst
 * with the sender and the burst's count; the relay keeps no counter of them) and slow receivers it disconnected
 * (logged once per receiver with its address; {@code RelayServer.stats()} counts them but does not say whom).
 * Attached for one run, detached by close().
 */
final class RelayDropLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final LongAdder rateLimited = new LongAdder();
    private final Set<String> limitedSenders = ConcurrentHashMap.newKeySet();
    private final Set<String> droppedReceivers = ConcurrentHashMap.newKeySet();
    private final List<Logger> relayLoggers = List.of((Logger) LoggerFactory.getLogger(RateLimitHandler.class),
            (Logger) LoggerFactory.getLogger(Broadcaster.class));

    RelayDropLog() {
        setName("simulation-relay-drop-log");
        setContext(relayLoggers.get(0).getLoggerContext());
        start();
        for (Logger logger : relayLoggers) {
            if (!logger.isWarnEnabled()) {
                logger.setLevel(Level.WARN);
            }
            logger.addAppender(this);
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        Object[] args = event.getArgumentArray();
        if (args == null || args.length < 1) {
            return;
        }
        String message = event.getMessage();
        if (message.contains("over the rate limit") && args.length >= 2 && args[1] instanceof Number n) {
            rateLimited.add(n.longValue());
            limitedSenders.add(String.valueOf(args[0]));
        } else if (message.startsWith("Dropping slow receiver")) {
            synchronized (droppedReceivers) {
                droppedReceivers.add(String.valueOf(args[0]));
                droppedReceivers.notifyAll();
            }
        }
    }

    /** Whether the relay dropped lines of this sender ({@code host:port}, as in remote_addr) for its rate limit. */
    boolean limited(String senderAddr) {
        return limitedSenders.contains(senderAddr);
    }

    /** Lines the relay dropped for its rate limit, all senders. */
    long rateLimited() {
        return rateLimited.sum();
    }

    /** Whether the relay disconnected this client as a slow receiver. */
    boolean dropped(String address) {
        return droppedReceivers.contains(address);
    }

    Set<String> droppedReceivers() {
        return Set.copyOf(droppedReceivers);
    }

    /** Waits until the relay drops this receiver or {@code giveUp} says to stop waiting (checked every 50 ms). */
    boolean awaitDropped(String address, BooleanSupplier giveUp) throws InterruptedException {
        synchronized (droppedReceivers) {
            while (!droppedReceivers.contains(address) && !giveUp.getAsBoolean()) {
                droppedReceivers.wait(50);
            }
            return droppedReceivers.contains(address);
        }
    }

    @Override
    public void close() {
        relayLoggers.forEach(l -> l.detachAppender(this));
        stop();
    }
}
