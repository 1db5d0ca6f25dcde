package dev.summonersim.sdk.config;

import java.time.Duration;

/**
 * {@code hyper_parameters.receiver}.
 *
 * @param maxBytesPerLine received lines longer than this, counting the LF, are dropped (default 65,536)
 * @param readTimeout     the reference's read polling interval; it has no semantic effect and is kept only so that
 *                        configs round-trip (default {@code null} = block)
 */
public record ReceiverSettings(int maxBytesPerLine, Duration readTimeout) {
    public static final int DEFAULT_MAX_BYTES_PER_LINE = 65_536;

    public ReceiverSettings {
        if (maxBytesPerLine < 1) {
            throw ConfigException.invalid("hyper_parameters.receiver.max_bytes_per_line", maxBytesPerLine,
                    "an integer >= 1");
        }
        if (readTimeout != null && (readTimeout.isNegative() || readTimeout.isZero())) {
            throw ConfigException.invalid("hyper_parameters.receiver.read_timeout_seconds", readTimeout,
                    "a number > 0 or null");
        }
    }

    public static ReceiverSettings defaults() {
        return new ReceiverSettings(DEFAULT_MAX_BYTES_PER_LINE, null);
    }

    public static Builder builder() {
        return defaults().toBuilder();
    }

    public Builder toBuilder() {
        return new Builder().maxBytesPerLine(maxBytesPerLine).readTimeout(readTimeout);
    }

    public static final class Builder {
        private int maxBytesPerLine;
        private Duration readTimeout;

        private Builder() {
        }

        public Builder maxBytesPerLine(int maxBytesPerLine) {
            this.maxBytesPerLine = maxBytesPerLine;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        public ReceiverSettings build() {
            return new ReceiverSettings(maxBytesPerLine, readTimeout);
        }
    }
}
