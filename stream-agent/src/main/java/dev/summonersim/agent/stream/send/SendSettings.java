package dev.summonersim.agent.stream.send;

import java.time.Duration;
import java.util.Objects;

/**
 * How the stream agent's send loop waits for events: the mode picked on the command line with its two timings, or a
 * strategy of the caller's own. {@link #strategy()} builds the strategy the loop runs.
 *
 * @param mode         which send strategy to use; its default agent name too (StreamAgent_1 or StreamAgent_0)
 * @param pollInterval sleep of the polling strategy; 10 ms
 * @param sendTimeout  wait limit of the timeout strategy; 500 ms
 * @param custom       a strategy that replaces the mode's (tests, benchmarks); null for the mode's own
 */
public record SendSettings(SendMode mode, Duration pollInterval, Duration sendTimeout, SendStrategy custom) {

    public SendSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(sendTimeout, "sendTimeout");
        if (pollInterval.isNegative()) {
            throw new IllegalArgumentException("poll interval must not be negative: " + pollInterval.toMillis() + " ms");
        }
        if (sendTimeout.isNegative()) {
            throw new IllegalArgumentException("send timeout must not be negative: " + sendTimeout.toMillis() + " ms");
        }
    }

    /** Polling every 10 ms, as StreamAgent_1. */
    public static SendSettings defaults() {
        return new Builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().mode(mode).pollInterval(pollInterval).sendTimeout(sendTimeout).custom(custom);
    }

    /** The strategy the send loop runs: the custom one when set, else a new one of the mode. */
    public SendStrategy strategy() {
        return custom != null ? custom : mode.strategy(pollInterval, sendTimeout);
    }

    /** Fluent builder; every setter returns this builder. */
    public static final class Builder {
        private SendMode mode = SendMode.POLLING;
        private Duration pollInterval = PollingSendStrategy.DEFAULT_INTERVAL;
        private Duration sendTimeout = TimeoutSendStrategy.DEFAULT_TIMEOUT;
        private SendStrategy custom;

        private Builder() {
        }

        public Builder mode(SendMode mode) {
            this.mode = mode;
            return this;
        }

        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        public Builder sendTimeout(Duration sendTimeout) {
            this.sendTimeout = sendTimeout;
            return this;
        }

        /** A strategy that replaces the mode's; the mode still names the agent. */
        public Builder custom(SendStrategy strategy) {
            this.custom = strategy;
            return this;
        }

        public SendSettings build() {
            return new SendSettings(mode, pollInterval, sendTimeout, custom);
        }
    }
}
