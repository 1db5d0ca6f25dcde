package dev.summonersim.agent.stream.send;

import dev.summonersim.sdk.events.StreamEvent;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * StreamAgent_1's strategy: sleep a fixed interval, then take one event without waiting. The emission rate is
 * capped at one event per interval and the loop wakes once per interval even when idle, which is the point:
 * the cadence is easy to reason about for rate-limit experiments.
 *
 * <p>The interval is measured from one poll to the next, not from the start of each call: a plain
 * {@code sleep(interval)} per call adds the rest of every round (the send loop's hand-offs, the socket write)
 * on top of the interval, which measured 10.3 ms per round at 10 ms (the Python reference: 10.47 ms). Polls
 * are still always at least one interval apart, so the cap holds for every pair of events, and a slow round
 * never causes a burst: it only shortens the next sleep, down to zero. One instance per send loop (it keeps
 * the time of its last poll).
 */
public final class PollingSendStrategy implements SendStrategy {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(10);

    private final long intervalNanos;
    private final Duration interval;
    private boolean polledBefore;
    private long lastPollNanos;

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
        long deadline = polledBefore ? lastPollNanos + intervalNanos : System.nanoTime() + intervalNanos;
        sleepUntil(deadline);
        StreamEvent event = queue.poll();
        polledBefore = true;
        lastPollNanos = System.nanoTime();
        return event;
    }

    /**
     * parkNanos rather than Thread.sleep: on Java 17 {@code Thread.sleep(millis, nanos)} rounds any sub-millisecond
     * part up to a whole millisecond, which alone costs 5-10 % of the rate at 5-10 ms intervals.
     */
    private static void sleepUntil(long deadline) throws InterruptedException {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for the next poll");
            }
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before polling");
        }
    }

    @Override
    public String toString() {
        return "polling every " + interval.toMillis() + " ms";
    }
}
