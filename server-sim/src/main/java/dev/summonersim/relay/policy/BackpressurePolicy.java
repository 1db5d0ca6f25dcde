package dev.summonersim.relay.policy;

import dev.summonersim.relay.BackpressureThresholds;

import java.time.Duration;

/**
 * Maps one receiver's real outbound backlog (lines not yet written to the socket, and their bytes) to the strongest
 * action that applies (Q9: the reference counted recipients instead). The disconnect threshold needs the receiver to
 * have stalled as well; the byte cap applies at once, as the memory bound. Stateless and thread-safe.
 */
public final class BackpressurePolicy {
    private final BackpressureThresholds thresholds;
    private final long maxBacklogBytes;
    private final long stallNanos;

    /**
     * @param stall how long a receiver must have accepted no bytes at all before the disconnect threshold applies,
     *              so a reader that is merely behind during a burst is not mistaken for a dead one
     */
    public BackpressurePolicy(BackpressureThresholds thresholds, long maxBacklogBytes, Duration stall) {
        if (maxBacklogBytes < 1) {
            throw new IllegalArgumentException("maxBacklogBytes : " + maxBacklogBytes + " (expected: >= 1)");
        }
        if (stall.isNegative()) {
            throw new IllegalArgumentException("stall : " + stall + " (expected: >= 0)");
        }
        this.thresholds = thresholds;
        this.maxBacklogBytes = maxBacklogBytes;
        this.stallNanos = stall.toNanos();
    }

    /** Policy with only the byte cap (Python flavour, which has no backpressure keys). */
    public static BackpressurePolicy byteCapOnly(long maxBacklogBytes) {
        return new BackpressurePolicy(BackpressureThresholds.disabled(), maxBacklogBytes, Duration.ZERO);
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
}
