package dev.summonersim.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.summonersim.sdk.config.ConfigException;
import dev.summonersim.sdk.config.ConfigSection;
import dev.summonersim.sdk.config.LoggerConfig;
import dev.summonersim.sdk.protocol.RelayFlavour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Reads a reference {@code server_config.json} (Rust key names and defaults, protocol.md §4.2) into a
 * {@link RelayServerConfig}. Missing keys take the reference defaults; {@code "host": null} and {@code "port": null}
 * mean 127.0.0.1 and 8888. Unknown keys and the reference's internal channel sizes ({@code connection_buffer_size},
 * {@code command_buffer_size}, {@code control_channel_capacity}, {@code queue_monitor_capacity},
 * {@code accept_error_backoff_ms}) are accepted and ignored. A value of the wrong type is an error naming the key (the
 * reference warns and falls back; we refuse to guess). The {@code logger} section is read by the sdk, as the
 * clients' is, with INFO as the level when it is missing.
 */
final class ServerConfigFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ServerConfigFile() {
    }

    /** @throws RelayConfigException naming the file, and the key when a value is wrong */
    static RelayServerConfig read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
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
            return fromJson(ConfigSection.root(root));
        } catch (ConfigException | IllegalArgumentException e) {
            throw new RelayConfigException("config file " + file + ": " + e.getMessage());
        }
    }

    private static RelayServerConfig fromJson(ConfigSection top) {
        RelayServerConfig.Builder b = RelayServerConfig.builder().port(RelayServerConfig.DEFAULT_PORT)
                .flavour(RelayFlavour.fromConfigVersion(top.string("version", null)));
        String host = top.string("host", null);
        if (host != null) {
            if (host.isBlank()) {
                throw ConfigException.invalid("host", host, "a non-empty string or null");
            }
            b.host(host);
        }
        Long port = top.count("port", 65_535);
        if (port != null) {
            b.port(port.intValue());
        }
        b.logger(LoggerConfig.read(top.section("logger"), RelayServerConfig.DEFAULT_LOGGER));

        ConfigSection hp = top.section("hyper_parameters");
        RustPolicies.Builder rust = RustPolicies.builder();
        if (hp.has("rate_limit_msgs_per_minute")) {  // present and null: off
            Long v = hp.count("rate_limit_msgs_per_minute", Integer.MAX_VALUE);
            rust.rateLimitPerWindow(v == null ? null : v.intValue());
        }
        if (hp.has("client_timeout_secs")) {
            Long v = hp.count("client_timeout_secs", Long.MAX_VALUE);
            rust.clientTimeout(v == null ? null : Duration.ofSeconds(v));
        }
        ifSet(hp, "timeout_check_interval_secs", Duration::ofSeconds, rust::timeoutCheckInterval);
        ifSet(hp, "quarantine_cooldown_secs", Duration::ofSeconds, rust::quarantineCooldown);
        ifSet(hp, "quarantine_cleanup_interval_secs", Duration::ofSeconds, rust::quarantineCleanupInterval);
        ifSet(hp, "throttle_delay_ms", Duration::ofMillis, rust::throttleDelay);
        ifSet(hp, "flow_control_delay_ms", Duration::ofMillis, rust::flowControlDelay);
        ifSet(hp, "stall_window_secs", Duration::ofSeconds, rust::disconnectStall);
        ConfigSection bp = hp.section("backpressure_policy");
        BackpressureThresholds d = BackpressureThresholds.defaults();
        rust.backpressure(new BackpressureThresholds(
                bp.bool("enable_throttle", d.enableThrottle()),
                threshold(bp, "throttle_threshold", d.throttleThreshold()),
                bp.bool("enable_flow_control", d.enableFlowControl()),
                threshold(bp, "flow_control_threshold", d.flowControlThreshold()),
                bp.bool("enable_disconnect", d.enableDisconnect()),
                threshold(bp, "disconnect_threshold", d.disconnectThreshold())));
        b.rust(rust.build());

        ifSet(hp, "worker_threads", v -> (int) v, b::workerThreads);
        ifSet(hp, "max_line_bytes", v -> (int) v, b::maxLineBytes);
        Long queue = hp.count("max_outbound_queue_bytes", Long.MAX_VALUE);
        if (queue != null) {
            b.maxOutboundQueueBytes(queue);
        }
        return b.build();
    }

    /** Sets a non-negative integer key when it is present and not null (ints: at most Integer.MAX_VALUE). */
    private static <T> void ifSet(ConfigSection s, String key, LongFunction<T> convert, Consumer<T> setter) {
        Long v = s.count(key, Integer.MAX_VALUE);
        if (v != null) {
            setter.accept(convert.apply(v));
        }
    }

    private static int threshold(ConfigSection s, String key, int fallback) {
        Long v = s.count(key, Integer.MAX_VALUE);
        return v == null ? fallback : v.intValue();
    }
}
