package dev.summonersim.relay.policy;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The reference's per-connection fixed-window limit (protocol.md §2.2): the window starts when the connection is created and
 * restarts lazily on the first line at least one window length later; a line is allowed while the count in the current
 * window, including it, is at most the limit. Not thread-safe: one instance per connection, used on its event loop.
 */
public final class FixedWindowRateLimiter {
    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private long windowStart;
    private int count;

    public FixedWindowRateLimiter(int limit, Duration window, LongSupplier nanoClock) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit : " + limit + " (expected: >= 0)");
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window : " + window + " (expected: > 0)");
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
        this.windowStart = nanoClock.getAsLong();
    }

    /** Counts one line and says whether it may be relayed. */
    public boolean tryAcquire() {
        long now = nanoClock.getAsLong();
        if (now - windowStart >= windowNanos) {
            windowStart = now;
            count = 0;
        }
        if (count <= limit) {
            // capped so that a flood can never overflow the counter
            count++;
        }
        return count <= limit;
    }
}
