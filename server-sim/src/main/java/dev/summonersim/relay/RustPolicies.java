package dev.summonersim.relay;

import java.time.Duration;
import java.util.Objects;

/**
 * The policies only the Rust reference relay has (protocol.md §4.2): rate limit, inactivity timeout, per-IP
 * quarantine and the backpressure reactions. They act only in the RUST flavour, as in the reference; a Python-flavour
 * relay ignores this record. {@link #defaults()} holds the reference's values for missing keys.
 *
 * @param rateLimitPerWindow        {@code rate_limit_msgs_per_minute}, lines per window and connection; null = off; 300
 * @param rateLimitWindow           fixed window length; 60 s (only tests change it)
 * @param clientTimeout             {@code client_timeout_secs}; null = off; 300 s
 * @param timeoutCheckInterval      {@code timeout_check_interval_secs}; 30 s
 * @param quarantineCooldown        {@code quarantine_cooldown_secs}, per IP (Q9); 300 s
 * @param quarantineCleanupInterval {@code quarantine_cleanup_interval_secs}; 60 s
 * @param backpressure              {@code backpressure_policy} thresholds, in backlogged lines of one receiver
 * @param throttleDelay             {@code throttle_delay_ms}: read pause for a receiver over the throttle threshold; 200 ms
 * @param flowControlDelay          {@code flow_control_delay_ms}: the same over the flow-control threshold; 1000 ms
 * @param disconnectStall           the stall window (own key {@code stall_window_secs}): the disconnect threshold drops
 *                                  only a receiver whose socket has also accepted nothing for this long (a reader that
 *                                  is merely behind, busy or briefly suspended is not dead); 60 s
 */
public record RustPolicies(
        Integer rateLimitPerWindow,
        Duration rateLimitWindow,
        Duration clientTimeout,
        Duration timeoutCheckInterval,
        Duration quarantineCooldown,
        Duration quarantineCleanupInterval,
        BackpressureThresholds backpressure,
        Duration throttleDelay,
        Duration flowControlDelay,
        Duration disconnectStall) {

    /**
     * A receiver over the disconnect threshold is dropped only after its socket accepted nothing for this long: long
     * enough for a client that is busy, suspended for a while or starved of CPU to resume and get every line.
     */
    public static final Duration DEFAULT_STALL_WINDOW = Duration.ofSeconds(60);

    public RustPolicies {
        Objects.requireNonNull(rateLimitWindow, "rateLimitWindow");
        Objects.requireNonNull(timeoutCheckInterval, "timeoutCheckInterval");
        Objects.requireNonNull(quarantineCooldown, "quarantineCooldown");
        Objects.requireNonNull(quarantineCleanupInterval, "quarantineCleanupInterval");
        Objects.requireNonNull(backpressure, "backpressure");
        Objects.requireNonNull(throttleDelay, "throttleDelay");
        Objects.requireNonNull(flowControlDelay, "flowControlDelay");
        Objects.requireNonNull(disconnectStall, "disconnectStall");
        if (rateLimitPerWindow != null && rateLimitPerWindow < 0) {
            throw new IllegalArgumentException("rate_limit_msgs_per_minute : " + rateLimitPerWindow + " (expected: >= 0)");
        }
        requirePositive("rateLimitWindow", rateLimitWindow);
        if (clientTimeout != null) {
            requirePositive("client_timeout_secs", clientTimeout);
        }
        requirePositive("timeout_check_interval_secs", timeoutCheckInterval);
        requirePositive("quarantine_cleanup_interval_secs", quarantineCleanupInterval);
    }

    /** The reference's values for missing keys. */
    public static RustPolicies defaults() {
        return new Builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void requirePositive(String key, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " : " + d + " (expected: > 0)");
        }
    }

    /** Fluent builder; every setter returns this builder. */
    public static final class Builder {
        private Integer rateLimitPerWindow = 300;
        private Duration rateLimitWindow = Duration.ofSeconds(60);
        private Duration clientTimeout = Duration.ofSeconds(300);
        private Duration timeoutCheckInterval = Duration.ofSeconds(30);
        private Duration quarantineCooldown = Duration.ofSeconds(300);
        private Duration quarantineCleanupInterval = Duration.ofSeconds(60);
        private BackpressureThresholds backpressure = BackpressureThresholds.defaults();
        private Duration throttleDelay = Duration.ofMillis(200);
        private Duration flowControlDelay = Duration.ofMillis(1000);
        private Duration disconnectStall = DEFAULT_STALL_WINDOW;

        private Builder() {
        }

        private Builder(RustPolicies p) {
            rateLimitPerWindow = p.rateLimitPerWindow;
            rateLimitWindow = p.rateLimitWindow;
            clientTimeout = p.clientTimeout;
            timeoutCheckInterval = p.timeoutCheckInterval;
            quarantineCooldown = p.quarantineCooldown;
            quarantineCleanupInterval = p.quarantineCleanupInterval;
            backpressure = p.backpressure;
            throttleDelay = p.throttleDelay;
            flowControlDelay = p.flowControlDelay;
            disconnectStall = p.disconnectStall;
        }

        /** Lines allowed per window and connection; null switches the rate limit off. */
        public Builder rateLimitPerWindow(Integer lines) { this.rateLimitPerWindow = lines; return this; }
        public Builder rateLimitWindow(Duration window) { this.rateLimitWindow = window; return this; }
        /** Inactivity timeout; null switches it off. */
        public Builder clientTimeout(Duration timeout) { this.clientTimeout = timeout; return this; }
        public Builder timeoutCheckInterval(Duration interval) { this.timeoutCheckInterval = interval; return this; }
        public Builder quarantineCooldown(Duration cooldown) { this.quarantineCooldown = cooldown; return this; }
        public Builder quarantineCleanupInterval(Duration interval) { this.quarantineCleanupInterval = interval; return this; }
        public Builder backpressure(BackpressureThresholds thresholds) { this.backpressure = thresholds; return this; }
        public Builder throttleDelay(Duration delay) { this.throttleDelay = delay; return this; }
        public Builder flowControlDelay(Duration delay) { this.flowControlDelay = delay; return this; }
        public Builder disconnectStall(Duration stall) { this.disconnectStall = stall; return this; }

        public RustPolicies build() {
            return new RustPolicies(rateLimitPerWindow, rateLimitWindow, clientTimeout, timeoutCheckInterval,
                    quarantineCooldown, quarantineCleanupInterval, backpressure, throttleDelay, flowControlDelay,
                    disconnectStall);
        }
    }
}
