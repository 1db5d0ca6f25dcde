package dev.summonersim.agent.stream.send;

import dev.summonersim.sdk.events.StreamEvent;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * StreamAgent_1's strategy: sleep a fixed interval, then take one event without waiting. The emission rate is
 * capped at one event per interval and the loop wakes once per interval even when idle, which is the point:
 * the cadence is easy to reason about for rate-limit experiments.
 */
public final class PollingSendStrategy implements SendStrategy {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(10);

    private final long intervalNanos;
    private final Duration interval;

    public PollingSendStrategy(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("polling interval must not be negative: " + interval.toMillis() + " ms");
        }
        this.interval = interval;
        this.intervalNanos = interval.toNanos();
    }

    public Duration interval() {
        return interval;
    }

    @Override
    public StreamEvent next(BlockingQueue<StreamEvent> queue) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(intervalNanos);
        return queue.poll();
    }

    @Override
    public String toString() {
        return "polling every " + interval.toMillis() + " ms";
    }
}
