package dev.summonersim.relay.policy;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Reference inactivity semantics (protocol.md §2.4, Q11 kept): only lines the client sends count as activity, so a client that
 * only listens is timed out after {@code timeout}. Not thread-safe: one instance per connection, on its event loop.
 */
public final class InactivityTracker {
    private final long timeoutNanos;
    private final LongSupplier nanoClock;
    private long lastActive;

    public InactivityTracker(Duration timeout, LongSupplier nanoClock) {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout : " + timeout + " (expected: > 0)");
        }
        this.timeoutNanos = timeout.toNanos();
        this.nanoClock = nanoClock;
        this.lastActive = nanoClock.getAsLong();
    }

    public void recordActivity() {
        lastActive = nanoClock.getAsLong();
    }

    /** True when more than the timeout has passed since the last activity (or since creation). */
    public boolean isIdle() {
        return nanoClock.getAsLong() - lastActive > timeoutNanos;
    }
}
