package dev.summonersim.sdk.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Path;

/** Turns one client_config.json into a {@link ClientConfig}, naming the file and the key in every error. */
final class ClientConfigReader {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final Path file;

    ClientConfigReader(Path file) {
        this.file = file;
    }

    ClientConfig read() {
        JsonNode root = parse();
        try {
            return toConfig(root);
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    private JsonNode parse() {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read client config " + file + ": " + e, e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(file + ": expected a JSON object at the top level, got "
                    + (root == null ? "an empty file" : root.getNodeType()));
        }
        return root;
    }

    private static ClientConfig toConfig(JsonNode root) {
        ConfigSection top = ConfigSection.root(root);
        String host = top.string("host", null);
        Integer port = top.nullableInt("port", null);
        if (port != null && (port < 1 || port > 65_535)) {
            // checked here, before the fallback port copies it and reports it under its own key
            throw ConfigException.invalid("port", port, "a port 1..65535 or null");
        }
        ConfigSection hyper = top.section("hyper_parameters");
        return new ClientConfig(host, port, LoggerConfig.read(top.section("logger"), LoggerConfig.defaults()),
                receiver(hyper.section("receiver")), sender(hyper.section("sender")),
                reconnection(hyper.section("reconnection"), host, port));
    }

    private static ReceiverSettings receiver(ConfigSection s) {
        return new ReceiverSettings(
                s.nonNullInt("max_bytes_per_line", ReceiverSettings.DEFAULT_MAX_BYTES_PER_LINE),
                s.seconds("read_timeout_seconds", null));
    }

    private static SenderSettings sender(ConfigSection s) {
        int concurrency = s.nonNullInt("concurrency_limit", SenderSettings.DEFAULT_CONCURRENCY_LIMIT);
        return new SenderSettings(
                concurrency,
                s.bool("batch_drain", true),
                s.nonNullInt("queue_maxsize", concurrency),
                s.nonNullInt("event_bridge_maxsize", SenderSettings.DEFAULT_EVENT_BRIDGE_MAXSIZE),
                s.nonNullInt("max_worker_errors", SenderSettings.DEFAULT_MAX_WORKER_ERRORS));
    }

    private static ReconnectionSettings reconnection(ConfigSection s, String host, Integer port) {
        return new ReconnectionSettings(
                s.seconds("retry_delay_seconds", ReconnectionSettings.DEFAULT_RETRY_DELAY),
                s.nullableInt("primary_retry_limit", ReconnectionSettings.DEFAULT_PRIMARY_RETRY_LIMIT),
                s.string("default_host", host),
                s.nullableInt("default_port", port),
                s.nullableInt("default_retry_limit", ReconnectionSettings.DEFAULT_DEFAULT_RETRY_LIMIT));
    }
}
