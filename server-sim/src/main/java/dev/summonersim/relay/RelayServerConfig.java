package dev.summonersim.relay;

import dev.summonersim.sdk.config.LoggerConfig;
import dev.summonersim.sdk.protocol.RelayFlavour;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Immutable relay configuration: the keys of the reference's {@code server_config.json} and our own caps.
 * {@link #load(Path)} reads such a file ({@link ServerConfigFile}); {@link #builder()} starts from the same defaults,
 * except that the port is 0 (any free port) so that servers started in code never collide; {@link #forTesting()} is
 * the preset tests start from. How one relay process runs (record file, chaos, shutdown grace) is not configured
 * here but in {@link RelayRunOptions}.
 *
 * <p>The Rust-only policies ({@link RustPolicies}: rate limit, inactivity, quarantine, backpressure) act only in the
 * RUST flavour, as in the reference. The line cap, the per-receiver outbound cap and the relayed-frame cap act in both
 * flavours.
 *
 * @param host                  bind address; default 127.0.0.1
 * @param port                  bind port, 0 = any free port; default 8888 from a file, 0 from the builder
 * @param flavour               frame format and behaviour; default RUST (as {@code configs/server_config.json})
 * @param rust                  the Rust-only policies; the reference's defaults
 * @param workerThreads         {@code worker_threads}: event-loop threads; max(1, cores - 1)
 * @param maxLineBytes          inbound content cap per line in bytes (own key {@code max_line_bytes}); 65,536
 * @param maxFrameBytes         relayed frames longer than this (LF excluded) are skipped (Q7); 65,536
 * @param maxOutboundQueueBytes hard cap of one receiver's outbound backlog in bytes (own key
 *                              {@code max_outbound_queue_bytes}); over it the receiver is dropped; 16 MiB
 * @param logger                the {@code logger} section (reference keys); level INFO when missing, so the
 *                              per-line DEBUG log costs nothing by default. Applied by the command, not by
 *                              {@link RelayServer}; {@code log_keys} prunes logged JSON contents
 */
public record RelayServerConfig(
        String host,
        int port,
        RelayFlavour flavour,
        RustPolicies rust,
        int workerThreads,
        int maxLineBytes,
        int maxFrameBytes,
        long maxOutboundQueueBytes,
        LoggerConfig logger) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8888;
    public static final int DEFAULT_MAX_LINE_BYTES = 65_536;
    public static final long DEFAULT_MAX_OUTBOUND_QUEUE_BYTES = 16L * 1024 * 1024;
    /** The reference logger defaults, except INFO instead of DEBUG. */
    public static final LoggerConfig DEFAULT_LOGGER = LoggerConfig.builder().logLevel("INFO").build();

    public RelayServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(flavour, "flavour");
        Objects.requireNonNull(rust, "rust");
        Objects.requireNonNull(logger, "logger");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port : " + port + " (expected: 0..65535)");
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("worker_threads : " + workerThreads + " (expected: >= 1)");
        }
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("max_line_bytes : " + maxLineBytes + " (expected: >= 1)");
        }
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("maxFrameBytes : " + maxFrameBytes + " (expected: >= 1)");
        }
        if (maxOutboundQueueBytes < 1) {
            throw new IllegalArgumentException("max_outbound_queue_bytes : " + maxOutboundQueueBytes + " (expected: >= 1)");
        }
    }

    /** The reference defaults (what the Rust relay uses for missing keys), listening on 127.0.0.1:8888. */
    public static RelayServerConfig defaults() {
        return new Builder().port(DEFAULT_PORT).build();
    }

    /**
     * The relay tests start from: Rust flavour on any free port of 127.0.0.1, with no rate limit and no inactivity
     * timeout (a slow test machine must not trip them); every other value the reference default.
     */
    public static RelayServerConfig forTesting() {
        return new Builder().rust(r -> r.rateLimitPerWindow(null).clientTimeout(null)).build();
    }

    /** Reference defaults with port 0. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads a reference {@code server_config.json}; see {@link ServerConfigFile} for the keys.
     *
     * @throws RelayConfigException naming the file, and the key when a value is wrong
     */
    public static RelayServerConfig load(Path file) {
        return ServerConfigFile.read(file);
    }

    /** Fluent builder; every setter returns this builder. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = 0;
        private RelayFlavour flavour = RelayFlavour.RUST;
        private RustPolicies rust = RustPolicies.defaults();
        private int workerThreads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;
        private int maxFrameBytes = 65_536;
        private long maxOutboundQueueBytes = DEFAULT_MAX_OUTBOUND_QUEUE_BYTES;
        private LoggerConfig logger = DEFAULT_LOGGER;

        Builder() {
        }

        Builder(RelayServerConfig c) {
            host = c.host;
            port = c.port;
            flavour = c.flavour;
            rust = c.rust;
            workerThreads = c.workerThreads;
            maxLineBytes = c.maxLineBytes;
            maxFrameBytes = c.maxFrameBytes;
            maxOutboundQueueBytes = c.maxOutboundQueueBytes;
            logger = c.logger;
        }

        public Builder host(String host) { this.host = host; return this; }
        public Builder port(int port) { this.port = port; return this; }
        public Builder flavour(RelayFlavour flavour) { this.flavour = flavour; return this; }
        public Builder rust(RustPolicies policies) { this.rust = policies; return this; }
        /** Changes some of the Rust-only policies, e.g. {@code rust(r -> r.rateLimitPerWindow(5))}. */
        public Builder rust(UnaryOperator<RustPolicies.Builder> change) {
            this.rust = change.apply(rust.toBuilder()).build();
            return this;
        }
        public Builder workerThreads(int threads) { this.workerThreads = threads; return this; }
        public Builder maxLineBytes(int bytes) { this.maxLineBytes = bytes; return this; }
        public Builder maxFrameBytes(int bytes) { this.maxFrameBytes = bytes; return this; }
        public Builder maxOutboundQueueBytes(long bytes) { this.maxOutboundQueueBytes = bytes; return this; }
        public Builder logger(LoggerConfig logger) { this.logger = logger; return this; }

        public RelayServerConfig build() {
            return new RelayServerConfig(host, port, flavour, rust, workerThreads, maxLineBytes, maxFrameBytes,
                    maxOutboundQueueBytes, logger);
        }
    }
}
