package dev.summonersim.relay.pipeline;

import dev.summonersim.relay.policy.BackpressureAction;
import dev.summonersim.relay.policy.BackpressurePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One receiver's backpressure episode. A receiver starts current; the first relayed line that finds it over the
 * throttle (or flow-control) threshold makes it lagging, and it stays lagging until its backlog drains to the policy's
 * caught-up level. Each change of state is logged once, with counts, never once per line. Thread-safe: senders on any
 * event loop report the backlog they see, the receiver's own event loop reports write progress.
 */
final class ReceiverLag {
    private static final Logger log = LoggerFactory.getLogger(ReceiverLag.class);
    private static final int CURRENT = 0;
    private static final int THROTTLED = 1;
    private static final int FLOW_CONTROLLED = 2;
    /** Being closed: its queue drains (or not) without any further state change. */
    private static final int CLOSING = 3;

    private final String address;
    private final BackpressurePolicy policy;
    private final RelayCounters counters;
    private final AtomicInteger level = new AtomicInteger(CURRENT);
    private final AtomicLong peakLines = new AtomicLong();
    private final AtomicLong episodePauses = new AtomicLong();
    private final AtomicLong totalPauses = new AtomicLong();
    /** Earliest time the next read pause may start: a pause is always followed by as long a time of reading. */
    private final AtomicLong nextPauseAt = new AtomicLong(System.nanoTime());
    private final AtomicBoolean stallCheckArmed = new AtomicBoolean();
    private volatile long episodeStartNanos;

    ReceiverLag(String address, BackpressurePolicy policy, RelayCounters counters) {
        this.address = address;
        this.policy = policy;
        this.counters = counters;
    }

    /** A sender found the receiver over a pause threshold ({@code action} is THROTTLE or FLOW_CONTROL). */
    void onBehind(BackpressureAction action, long lines, long bytes, Duration pause) {
        int target = action == BackpressureAction.FLOW_CONTROL ? FLOW_CONTROLLED : THROTTLED;
        peakLines.accumulateAndGet(lines, Math::max);
        int current;
        do {
            current = level.get();
            if (current >= target) {  // includes CLOSING
                return;
            }
        } while (!level.compareAndSet(current, target));
        if (current == CURRENT) {
            episodeStartNanos = System.nanoTime();
        }
        if (target == THROTTLED) {
            counters.throttled.increment();
        } else {
            counters.flowControlled.increment();
        }
        log.warn("{} is falling behind: {} lines / {} bytes queued for it; {}: reading from it pauses for {} ms at a "
                        + "time until it catches up (other clients are not affected)",
                address, lines, bytes, target == THROTTLED ? "throttled" : "flow control", pause.toMillis());
    }

    /** Its socket accepted a line; {@code lines} are still queued. Called on the receiver's event loop. */
    void onProgress(long lines) {
        int current = level.get();
        if (current == CURRENT || current == CLOSING || !policy.caughtUp(lines)
                || !level.compareAndSet(current, CURRENT)) {
            return;
        }
        counters.caughtUp.increment();
        log.info("{} caught up: {} lines queued for it, after a peak of {}; reading from it was paused {} time(s) "
                        + "during the {} ms it lagged", address, lines, peakLines.getAndSet(0),
                episodePauses.getAndSet(0), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - episodeStartNanos));
    }

    boolean isLagging() {
        int current = level.get();
        return current == THROTTLED || current == FLOW_CONTROLLED;
    }

    /** The receiver is being closed; no more state changes are reported. */
    void stop() {
        level.set(CLOSING);
    }

    /**
     * Claims a pause of reading from this receiver, starting now; false while a pause, or the reading time that
     * follows one, is running, so concurrent senders schedule one pause and the receiver can still send between them.
     */
    boolean claimReadPause(long nowNanos, long pauseNanos) {
        long allowed = nextPauseAt.get();
        if (nowNanos - allowed < 0 || !nextPauseAt.compareAndSet(allowed, nowNanos + 2 * pauseNanos)) {
            return false;
        }
        episodePauses.incrementAndGet();
        totalPauses.incrementAndGet();
        counters.readPauses.increment();
        return true;
    }

    long readPauses() {
        return totalPauses.get();
    }

    /** True for the one caller that must schedule the stall check. */
    boolean armStallCheck() {
        return stallCheckArmed.compareAndSet(false, true);
    }

    void disarmStallCheck() {
        stallCheckArmed.set(false);
    }
}
