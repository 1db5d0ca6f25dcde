package dev.summonersim.relay.policy;

import dev.summonersim.relay.BackpressureThresholds;

import java.time.Duration;

/**
 * Maps one receiver's real outbound backlog (lines not yet accepted by its socket, their bytes, and how long its socket
 * has accepted nothing) to the strongest action that applies (Q9: the reference counted recipients instead).
 *
 * <p>A backlog alone is not lag: a receiver that reads steadily can be hundreds of lines behind for a moment in a
 * burst. So the pause thresholds apply only once the socket has also accepted nothing for {@code pauseAfter}, and the
 * disconnect threshold only after the stall window. The byte cap applies at once, as the memory bound. Stateless and
 * thread-safe; the rule is the table "Slow receivers" of the server-sim README.
 */
public final class BackpressurePolicy {
    private final BackpressureThresholds thresholds;
    private final long maxBacklogBytes;
    private final long pauseAfterNanos;
    private final long stallNanos;

    /**
     * @param pauseAfter how long the socket must have accepted nothing before throttle or flow control apply
     * @param stall      the stall window: how long it must have accepted nothing before the disconnect threshold applies
     */
    public BackpressurePolicy(BackpressureThresholds thresholds, long maxBacklogBytes, Duration pauseAfter,
                              Duration stall) {
        if (maxBacklogBytes < 1) {
            throw new IllegalArgumentException("maxBacklogBytes : " + maxBacklogBytes + " (expected: >= 1)");
        }
        if (pauseAfter.isNegative()) {
            throw new IllegalArgumentException("pauseAfter : " + pauseAfter + " (expected: >= 0)");
        }
        if (stall.isNegative()) {
            throw new IllegalArgumentException("stall : " + stall + " (expected: >= 0)");
        }
        this.thresholds = thresholds;
        this.maxBacklogBytes = maxBacklogBytes;
        this.pauseAfterNanos = pauseAfter.toNanos();
        this.stallNanos = stall.toNanos();
    }

    /** Policy with only the byte cap (Python flavour, which has no backpressure keys). */
    public static BackpressurePolicy byteCapOnly(long maxBacklogBytes) {
        return new BackpressurePolicy(BackpressureThresholds.disabled(), maxBacklogBytes, Duration.ZERO, Duration.ZERO);
    }

    /**
     * @param backlogLines lines queued for the receiver, including the one about to be added
     * @param backlogBytes bytes queued for the receiver, including the one about to be added
     * @param stalledNanos time since the receiver's socket last accepted a queued line
     */
    public BackpressureAction assess(long backlogLines, long backlogBytes, long stalledNanos) {
        if (backlogBytes > maxBacklogBytes) {
            return BackpressureAction.OVERFLOW;
        }
        BackpressureThresholds t = thresholds;
        if (t.enableDisconnect() && backlogLines >= t.disconnectThreshold() && stalledNanos >= stallNanos) {
            return BackpressureAction.DISCONNECT;
        }
        if (stalledNanos < pauseAfterNanos) {
            return BackpressureAction.NONE;
        }
        if (t.enableFlowControl() && backlogLines >= t.flowControlThreshold()) {
            return BackpressureAction.FLOW_CONTROL;
        }
        if (t.enableThrottle() && backlogLines >= t.throttleThreshold()) {
            return BackpressureAction.THROTTLE;
        }
        return BackpressureAction.NONE;
    }

    public long maxBacklogBytes() {
        return maxBacklogBytes;
    }

    /** The stall window: how long a receiver over the disconnect threshold may make no write progress. */
    public Duration stallWindow() {
        return Duration.ofNanos(stallNanos);
    }

    /** Whether a receiver with this backlog is a drop candidate, pending the stall window. */
    public boolean overDisconnectThreshold(long backlogLines) {
        return thresholds.enableDisconnect() && backlogLines >= thresholds.disconnectThreshold();
    }

    /**
     * Whether a lagging receiver with this backlog has caught up: at most half the lowest enabled pause threshold, so
     * that a backlog hovering around a threshold does not flip the state (and log a line) at every relayed line.
     */
    public boolean caughtUp(long backlogLines) {
        BackpressureThresholds t = thresholds;
        long lowest = Long.MAX_VALUE;
        if (t.enableThrottle()) {
            lowest = t.throttleThreshold();
        }
        if (t.enableFlowControl()) {
            lowest = Math.min(lowest, t.flowControlThreshold());
        }
        return lowest == Long.MAX_VALUE || backlogLines <= lowest / 2;
    }
}
