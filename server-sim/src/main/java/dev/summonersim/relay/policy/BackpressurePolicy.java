package dev.summonersim.relay.policy;

import dev.summonersim.relay.BackpressureThresholds;

/**
 * Maps one receiver's real outbound backlog (lines not yet written to the socket, and their bytes) to the strongest
 * action that applies (Q9: the reference counted recipients instead). Stateless and thread-safe.
 */
public final class BackpressurePolicy {
    private final BackpressureThresholds thresholds;
    private final long maxBacklogBytes;

    public BackpressurePolicy(BackpressureThresholds thresholds, long maxBacklogBytes) {
        if (maxBacklogBytes < 1) {
            throw new IllegalArgumentException("maxBacklogBytes : " + maxBacklogBytes + " (expected: >= 1)");
        }
        this.thresholds = thresholds;
        this.maxBacklogBytes = maxBacklogBytes;
    }

    /** Policy with only the byte cap (Python flavour, which has no backpressure keys). */
    public static BackpressurePolicy byteCapOnly(long maxBacklogBytes) {
        return new BackpressurePolicy(BackpressureThresholds.disabled(), maxBacklogBytes);
    }

    /**
     * @param backlogLines lines queued for the receiver, including the one about to be added
     * @param backlogBytes bytes queued for the receiver, including the one about to be added
     */
    public BackpressureAction assess(long backlogLines, long backlogBytes) {
        if (backlogBytes > maxBacklogBytes) {
            return BackpressureAction.OVERFLOW;
        }
        BackpressureThresholds t = thresholds;
        if (t.enableDisconnect() && backlogLines >= t.disconnectThreshold()) {
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
