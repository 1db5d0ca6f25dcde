package dev.summonersim.relay.policy;

/** What to do with one receiver given its outbound backlog, mildest first. */
public enum BackpressureAction {
    /** Keep relaying to it. */
    NONE,
    /** Pause reading from that receiver for {@code throttle_delay_ms}. */
    THROTTLE,
    /** Pause reading from that receiver for {@code flow_control_delay_ms}. */
    FLOW_CONTROL,
    /** Drop the receiver and quarantine its IP ({@code backpressure_policy.disconnect_threshold}). */
    DISCONNECT,
    /** Drop the receiver: its backlog exceeded the hard byte cap (always on, no quarantine). */
    OVERFLOW
}
