package dev.summonersim.agent.stream.send;

import dev.summonersim.sdk.events.StreamEvent;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * StreamAgent_0's strategy: wait for the next event up to a timeout. Events go out as soon as they are queued,
 * and an idle loop wakes only once per timeout.
 */
public final class TimeoutSendStrategy implements SendStrategy {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(500);

    private final Duration timeout;
    private final long timeoutNanos;

    public TimeoutSendStrategy(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("send timeout must not be negative: " + timeout.toMillis() + " ms");
        }
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
    }

    public Duration timeout() {
        return timeout;
    }

    @Override
    public StreamEvent next(BlockingQueue<StreamEvent> queue) throws InterruptedException {
        return queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public String toString() {
        return "waiting up to " + timeout.toMillis() + " ms";
    }
}
