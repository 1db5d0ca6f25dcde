package dev.summonersim.relay;

/**
 * The reference's {@code backpressure_policy} block. Unlike the reference (quirk Q9), the thresholds are compared
 * with the real outbound backlog of one receiver, counted in relay lines written to it and not yet handed to the
 * kernel, not with the number of recipients.
 *
 * <p>Reference defaults: throttle 100, flow control 300, disconnect 500, all enabled.
 */
public record BackpressureThresholds(
        boolean enableThrottle, int throttleThreshold,
        boolean enableFlowControl, int flowControlThreshold,
        boolean enableDisconnect, int disconnectThreshold) {

    public BackpressureThresholds {
        requirePositive("throttle_threshold", throttleThreshold);
        requirePositive("flow_control_threshold", flowControlThreshold);
        requirePositive("disconnect_threshold", disconnectThreshold);
    }

    /** The values the reference uses when the keys are missing. */
    public static BackpressureThresholds defaults() {
        return new BackpressureThresholds(true, 100, true, 300, true, 500);
    }

    /** All three reactions switched off (only the hard byte cap of the outbound queue remains). */
    public static BackpressureThresholds disabled() {
        return new BackpressureThresholds(false, 100, false, 300, false, 500);
    }

    private static void requirePositive(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " : " + value + " (expected: >= 1)");
        }
    }
}
