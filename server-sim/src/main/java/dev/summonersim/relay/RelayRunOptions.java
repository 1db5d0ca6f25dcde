package dev.summonersim.relay;

import dev.summonersim.relay.chaos.ChaosSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How one relay process runs, as opposed to how it relays ({@link RelayServerConfig}, the config file's keys): what
 * it records, what faults it injects on purpose, and how long it waits at shutdown. Given to
 * {@link RelayServer#start(RelayServerConfig, RelayRunOptions)} by {@code bin/server} and by tests.
 *
 * @param recordFile    JSON Lines record of every relayed frame; null = off
 * @param chaos         deliberate faults; null = off
 * @param shutdownGrace how long close() waits for the shutdown notices to be flushed; 2 s
 */
public record RelayRunOptions(Path recordFile, ChaosSpec chaos, Duration shutdownGrace) {

    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(2);

    public RelayRunOptions {
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace : " + shutdownGrace + " (expected: >= 0)");
        }
    }

    /** No record, no chaos, a 2 s shutdown grace. */
    public static RelayRunOptions defaults() {
        return new Builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().recordFile(recordFile).chaos(chaos).shutdownGrace(shutdownGrace);
    }

    /** Fluent builder; every setter returns this builder. */
    public static final class Builder {
        private Path recordFile;
        private ChaosSpec chaos;
        private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;

        private Builder() {
        }

        public Builder recordFile(Path file) { this.recordFile = file; return this; }
        public Builder chaos(ChaosSpec chaos) { this.chaos = chaos; return this; }
        public Builder shutdownGrace(Duration grace) { this.shutdownGrace = grace; return this; }

        public RelayRunOptions build() {
            return new RelayRunOptions(recordFile, chaos, shutdownGrace);
        }
    }
}
