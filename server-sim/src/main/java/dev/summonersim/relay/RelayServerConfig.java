package dev.summonersim.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.summonersim.relay.chaos.ChaosSpec;
import dev.summonersim.sdk.config.LoggerConfig;
import dev.summonersim.sdk.protocol.RelayFlavour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Immutable relay configuration. {@link #load(Path)} reads the reference's {@code server_config.json} (Rust key names
 * and defaults, protocol.md §4.2); {@link #builder()} starts from the same defaults, except that the port is 0 (any free port)
 * so that servers started in code never collide.
 *
 * <p>Rust-only features (rate limit, inactivity, quarantine, backpressure policy) act only in the RUST flavour, as in
 * the reference. The line cap, the per-receiver outbound cap and the relayed-frame cap act in both flavours.
 *
 * @param host                   bind address; default 127.0.0.1
 * @param port                   bind port, 0 = any free port; default 8888 from a file, 0 from the builder
 * @param flavour                frame format and behaviour; default RUST (as {@code configs/server_config.json})
 * @param rateLimitPerWindow     {@code rate_limit_msgs_per_minute}, lines per window and connection; null = off; 300
 * @param rateLimitWindow        fixed window length; 60 s (only tests change it)
 * @param clientTimeout          {@code client_timeout_secs}; null = off; 300 s when the key is missing
 * @param timeoutCheckInterval   {@code timeout_check_interval_secs}; 30 s
 * @param quarantineCooldown     {@code quarantine_cooldown_secs}, per IP (Q9); 300 s
 * @param quarantineCleanupInterval {@code quarantine_cleanup_interval_secs}; 60 s
 * @param throttleDelay          {@code throttle_delay_ms}: read pause for a receiver over the throttle threshold; 200 ms
 * @param flowControlDelay       {@code flow_control_delay_ms}: the same over the flow-control threshold; 1000 ms
 * @param backpressure           {@code backpressure_policy} thresholds, in backlogged lines of one receiver
 * @param workerThreads          {@code worker_threads}: event-loop threads; max(1, cores - 1)
 * @param maxLineBytes           inbound content cap per line in bytes (own key {@code max_line_bytes}); 65,536
 * @param maxFrameBytes          relayed frames longer than this (LF excluded) are skipped (Q7); 65,536
 * @param maxOutboundQueueBytes  hard cap of one receiver's outbound backlog in bytes (own key
 *                               {@code max_outbound_queue_bytes}); over it the receiver is dropped; 16 MiB
 * @param disconnectStall        the stall window (own key {@code stall_window_secs}): the disconnect threshold drops
 *                               only a receiver whose socket has also accepted nothing for this long (a reader that
 *                               is merely behind, busy or briefly suspended is not dead); 60 s
 * @param shutdownGrace          how long close() waits for notices to be flushed; 2 s
 * @param recordFile             JSON Lines record of every relayed frame; null = off
 * @param chaos                  deliberate faults; null = off
 * @param logger                 the {@code logger} section (reference keys); level INFO when missing, so the
 *                               per-line DEBUG log costs nothing by default. Applied by the command, not by
 *                               {@link RelayServer}; {@code log_keys} prunes logged JSON contents
 */
public record RelayServerConfig(
        String host,
        int port,
        RelayFlavour flavour,
        Integer rateLimitPerWindow,
        Duration rateLimitWindow,
        Duration clientTimeout,
        Duration timeoutCheckInterval,
        Duration quarantineCooldown,
        Duration quarantineCleanupInterval,
        Duration throttleDelay,
        Duration flowControlDelay,
        BackpressureThresholds backpressure,
        int workerThreads,
        int maxLineBytes,
        int maxFrameBytes,
        long maxOutboundQueueBytes,
        Duration disconnectStall,
        Duration shutdownGrace,
        Path recordFile,
        ChaosSpec chaos,
        LoggerConfig logger) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8888;
    public static final int DEFAULT_MAX_LINE_BYTES = 65_536;
    public static final long DEFAULT_MAX_OUTBOUND_QUEUE_BYTES = 16L * 1024 * 1024;
    /**
     * A receiver over the disconnect threshold is dropped only after its socket accepted nothing for this long: long
     * enough for a client that is busy, suspended for a while or starved of CPU to resume and get every line.
     */
    public static final Duration DEFAULT_STALL_WINDOW = Duration.ofSeconds(60);
    /** The reference logger defaults, except INFO instead of DEBUG. */
    public static final LoggerConfig DEFAULT_LOGGER = LoggerConfig.builder().logLevel("INFO").build();

    public RelayServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(flavour, "flavour");
        Objects.requireNonNull(rateLimitWindow, "rateLimitWindow");
        Objects.requireNonNull(timeoutCheckInterval, "timeoutCheckInterval");
        Objects.requireNonNull(quarantineCooldown, "quarantineCooldown");
        Objects.requireNonNull(quarantineCleanupInterval, "quarantineCleanupInterval");
        Objects.requireNonNull(throttleDelay, "throttleDelay");
        Objects.requireNonNull(flowControlDelay, "flowControlDelay");
        Objects.requireNonNull(backpressure, "backpressure");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(disconnectStall, "disconnectStall");
        Objects.requireNonNull(logger, "logger");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port : " + port + " (expected: 0..65535)");
        }
        if (rateLimitPerWindow != null && rateLimitPerWindow < 0) {
            throw new IllegalArgumentException("rate_limit_msgs_per_minute : " + rateLimitPerWindow + " (expected: >= 0)");
        }
        requirePositive("rateLimitWindow", rateLimitWindow);
        if (clientTimeout != null) {
            requirePositive("client_timeout_secs", clientTimeout);
        }
        requirePositive("timeout_check_interval_secs", timeoutCheckInterval);
        requirePositive("quarantine_cleanup_interval_secs", quarantineCleanupInterval);
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

    /** Reference defaults with port 0. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads a reference {@code server_config.json}. Missing keys take the reference defaults; {@code "host": null} and
     * {@code "port": null} mean 127.0.0.1 and 8888. Unknown keys and the reference's internal channel sizes
     * ({@code connection_buffer_size}, {@code command_buffer_size}, {@code control_channel_capacity},
     * {@code queue_monitor_capacity}, {@code accept_error_backoff_ms}) are accepted and ignored. A value of the wrong
     * type is an error naming the key (the reference warns and falls back; we refuse to guess).
     */
    public static RelayServerConfig load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new RelayConfigException("config file not found: " + file.toAbsolutePath());
        } catch (JsonProcessingException e) {
            throw new RelayConfigException("config file " + file + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RelayConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new RelayConfigException("config file " + file + " must hold a JSON object");
        }
        try {
            return fromJson(root);
        } catch (IllegalArgumentException e) {
            throw new RelayConfigException("config file " + file + ": " + e.getMessage());
        }
    }

    static RelayServerConfig fromJson(JsonNode root) {
        Builder b = new Builder().port(DEFAULT_PORT);
        JsonNode version = root.get("version");
        if (version != null && !version.isNull() && !version.isTextual()) {
            throw wrongType("version", version, "a string such as \"rust\" or \"python\"");
        }
        b.flavour(RelayFlavour.fromConfigVersion(version == null || version.isNull() ? null : version.asText()));
        JsonNode host = root.get("host");
        if (host != null && !host.isNull()) {
            if (!host.isTextual() || host.asText().isBlank()) {
                throw wrongType("host", host, "a non-empty string or null");
            }
            b.host(host.asText());
        }
        Long port = optionalLong(root, "port");
        if (port != null) {
            b.port(Math.toIntExact(port));
        }

        JsonNode logger = root.get("logger");
        if (logger != null && !logger.isNull()) {
            if (!logger.isObject()) {
                throw wrongType("logger", logger, "an object");
            }
            b.logger(loggerConfig(logger));
        }

        JsonNode hp = root.get("hyper_parameters");
        if (hp == null || hp.isNull()) {
            return b.build();
        }
        if (!hp.isObject()) {
            throw wrongType("hyper_parameters", hp, "an object");
        }
        if (hp.has("rate_limit_msgs_per_minute")) {
            Long v = optionalLong(hp, "rate_limit_msgs_per_minute");
            b.rateLimitPerWindow(v == null ? null : Math.toIntExact(v));
        }
        if (hp.has("client_timeout_secs")) {
            Long v = optionalLong(hp, "client_timeout_secs");
            b.clientTimeout(v == null ? null : Duration.ofSeconds(v));
        }
        Long v;
        if ((v = optionalLong(hp, "timeout_check_interval_secs")) != null) {
            b.timeoutCheckInterval(Duration.ofSeconds(v));
        }
        if ((v = optionalLong(hp, "quarantine_cooldown_secs")) != null) {
            b.quarantineCooldown(Duration.ofSeconds(v));
        }
        if ((v = optionalLong(hp, "quarantine_cleanup_interval_secs")) != null) {
            b.quarantineCleanupInterval(Duration.ofSeconds(v));
        }
        if ((v = optionalLong(hp, "throttle_delay_ms")) != null) {
            b.throttleDelay(Duration.ofMillis(v));
        }
        if ((v = optionalLong(hp, "flow_control_delay_ms")) != null) {
            b.flowControlDelay(Duration.ofMillis(v));
        }
        if ((v = optionalLong(hp, "worker_threads")) != null) {
            b.workerThreads(Math.toIntExact(v));
        }
        if ((v = optionalLong(hp, "max_line_bytes")) != null) {
            b.maxLineBytes(Math.toIntExact(v));
        }
        if ((v = optionalLong(hp, "max_outbound_queue_bytes")) != null) {
            b.maxOutboundQueueBytes(v);
        }
        if ((v = optionalLong(hp, "stall_window_secs")) != null) {
            b.disconnectStall(Duration.ofSeconds(v));
        }
        JsonNode bp = hp.get("backpressure_policy");
        if (bp != null && !bp.isNull()) {
            if (!bp.isObject()) {
                throw wrongType("backpressure_policy", bp, "an object");
            }
            BackpressureThresholds d = BackpressureThresholds.defaults();
            b.backpressure(new BackpressureThresholds(
                    bool(bp, "enable_throttle", d.enableThrottle()),
                    intOr(bp, "throttle_threshold", d.throttleThreshold()),
                    bool(bp, "enable_flow_control", d.enableFlowControl()),
                    intOr(bp, "flow_control_threshold", d.flowControlThreshold()),
                    bool(bp, "enable_disconnect", d.enableDisconnect()),
                    intOr(bp, "disconnect_threshold", d.disconnectThreshold())));
        }
        return b.build();
    }

    private static LoggerConfig loggerConfig(JsonNode n) {
        LoggerConfig d = DEFAULT_LOGGER;
        List<String> keys = null;
        JsonNode k = n.get("log_keys");
        if (k != null && !k.isNull()) {
            if (!k.isArray()) {
                throw wrongType("logger.log_keys", k, "a list of strings or null");
            }
            keys = new ArrayList<>();
            for (JsonNode key : k) {
                keys.add(key.asText());
            }
        }
        Long maxSize = optionalLong(n, "max_file_size");
        Long backups = optionalLong(n, "backup_count");
        return new LoggerConfig(
                text(n, "log_level", d.logLevel()),
                bool(n, "enable_console_log", d.enableConsoleLog()),
                text(n, "console_log_format", d.consoleLogFormat()),
                bool(n, "enable_file_log", d.enableFileLog()),
                bool(n, "enable_json_log", d.enableJsonLog()),
                text(n, "log_file_path", d.logFilePath()),
                text(n, "log_format", d.logFormat()),
                maxSize == null ? d.maxFileSize() : maxSize,
                backups == null ? d.backupCount() : Math.toIntExact(backups),
                text(n, "date_format", d.dateFormat()),
                keys);
    }

    private static String text(JsonNode obj, String key, String fallback) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isTextual()) {
            throw wrongType(key, n, "a string");
        }
        return n.asText();
    }

    private static Long optionalLong(JsonNode obj, String key) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
            throw wrongType(key, n, "a non-negative integer or null");
        }
        return n.asLong();
    }

    private static int intOr(JsonNode obj, String key, int fallback) {
        Long v = optionalLong(obj, key);
        return v == null ? fallback : Math.toIntExact(v);
    }

    private static boolean bool(JsonNode obj, String key, boolean fallback) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw wrongType(key, n, "true or false");
        }
        return n.asBoolean();
    }

    private static IllegalArgumentException wrongType(String key, JsonNode value, String expected) {
        return new IllegalArgumentException("'" + key + "' is " + value + " (expected: " + expected + ")");
    }

    private static void requirePositive(String key, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " : " + d + " (expected: > 0)");
        }
    }

    /** Fluent builder; every setter returns this builder. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = 0;
        private RelayFlavour flavour = RelayFlavour.RUST;
        private Integer rateLimitPerWindow = 300;
        private Duration rateLimitWindow = Duration.ofSeconds(60);
        private Duration clientTimeout = Duration.ofSeconds(300);
        private Duration timeoutCheckInterval = Duration.ofSeconds(30);
        private Duration quarantineCooldown = Duration.ofSeconds(300);
        private Duration quarantineCleanupInterval = Duration.ofSeconds(60);
        private Duration throttleDelay = Duration.ofMillis(200);
        private Duration flowControlDelay = Duration.ofMillis(1000);
        private BackpressureThresholds backpressure = BackpressureThresholds.defaults();
        private int workerThreads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;
        private int maxFrameBytes = 65_536;
        private long maxOutboundQueueBytes = DEFAULT_MAX_OUTBOUND_QUEUE_BYTES;
        private Duration disconnectStall = DEFAULT_STALL_WINDOW;
        private Duration shutdownGrace = Duration.ofSeconds(2);
        private Path recordFile;
        private ChaosSpec chaos;
        private LoggerConfig logger = DEFAULT_LOGGER;

        Builder() {
        }

        Builder(RelayServerConfig c) {
            host = c.host;
            port = c.port;
            flavour = c.flavour;
            rateLimitPerWindow = c.rateLimitPerWindow;
            rateLimitWindow = c.rateLimitWindow;
            clientTimeout = c.clientTimeout;
            timeoutCheckInterval = c.timeoutCheckInterval;
            quarantineCooldown = c.quarantineCooldown;
            quarantineCleanupInterval = c.quarantineCleanupInterval;
            throttleDelay = c.throttleDelay;
            flowControlDelay = c.flowControlDelay;
            backpressure = c.backpressure;
            workerThreads = c.workerThreads;
            maxLineBytes = c.maxLineBytes;
            maxFrameBytes = c.maxFrameBytes;
            maxOutboundQueueBytes = c.maxOutboundQueueBytes;
            disconnectStall = c.disconnectStall;
            shutdownGrace = c.shutdownGrace;
            recordFile = c.recordFile;
            chaos = c.chaos;
            logger = c.logger;
        }

        public Builder host(String host) { this.host = host; return this; }
        public Builder port(int port) { this.port = port; return this; }
        public Builder flavour(RelayFlavour flavour) { this.flavour = flavour; return this; }
        /** Lines allowed per window and connection; null switches the rate limit off. */
        public Builder rateLimitPerWindow(Integer lines) { this.rateLimitPerWindow = lines; return this; }
        public Builder rateLimitWindow(Duration window) { this.rateLimitWindow = window; return this; }
        /** Inactivity timeout; null switches it off. */
        public Builder clientTimeout(Duration timeout) { this.clientTimeout = timeout; return this; }
        public Builder timeoutCheckInterval(Duration interval) { this.timeoutCheckInterval = interval; return this; }
        public Builder quarantineCooldown(Duration cooldown) { this.quarantineCooldown = cooldown; return this; }
        public Builder quarantineCleanupInterval(Duration interval) { this.quarantineCleanupInterval = interval; return this; }
        public Builder throttleDelay(Duration delay) { this.throttleDelay = delay; return this; }
        public Builder flowControlDelay(Duration delay) { this.flowControlDelay = delay; return this; }
        public Builder backpressure(BackpressureThresholds thresholds) { this.backpressure = thresholds; return this; }
        public Builder workerThreads(int threads) { this.workerThreads = threads; return this; }
        public Builder maxLineBytes(int bytes) { this.maxLineBytes = bytes; return this; }
        public Builder maxFrameBytes(int bytes) { this.maxFrameBytes = bytes; return this; }
        public Builder maxOutboundQueueBytes(long bytes) { this.maxOutboundQueueBytes = bytes; return this; }
        public Builder disconnectStall(Duration stall) { this.disconnectStall = stall; return this; }
        public Builder shutdownGrace(Duration grace) { this.shutdownGrace = grace; return this; }
        public Builder recordFile(Path file) { this.recordFile = file; return this; }
        public Builder chaos(ChaosSpec chaos) { this.chaos = chaos; return this; }
        public Builder logger(LoggerConfig logger) { this.logger = logger; return this; }

        public RelayServerConfig build() {
            return new RelayServerConfig(host, port, flavour, rateLimitPerWindow, rateLimitWindow, clientTimeout,
                    timeoutCheckInterval, quarantineCooldown, quarantineCleanupInterval, throttleDelay, flowControlDelay,
                    backpressure, workerThreads, maxLineBytes, maxFrameBytes, maxOutboundQueueBytes, disconnectStall, shutdownGrace,
                    recordFile, chaos, logger);
        }
    }
}
