package dev.summonersim.sdk.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
        Section top = new Section("", root);
        String host = top.string("host", null);
        Integer port = top.nullableInt("port", null);
        if (port != null && (port < 1 || port > 65_535)) {
            // checked here, before the fallback port copies it and reports it under its own key
            throw ConfigException.invalid("port", port, "a port 1..65535 or null");
        }
        Section hyper = top.section("hyper_parameters");
        return new ClientConfig(host, port, logger(top.section("logger")), receiver(hyper.section("receiver")),
                sender(hyper.section("sender")), reconnection(hyper.section("reconnection"), host, port));
    }

    private static LoggerConfig logger(Section s) {
        LoggerConfig d = LoggerConfig.defaults();
        return new LoggerConfig(
                s.string("log_level", d.logLevel()),
                s.bool("enable_console_log", d.enableConsoleLog()),
                s.string("console_log_format", d.consoleLogFormat()),
                s.bool("enable_file_log", d.enableFileLog()),
                s.bool("enable_json_log", d.enableJsonLog()),
                s.string("log_file_path", d.logFilePath()),
                s.string("log_format", d.logFormat()),
                s.nonNullLong("max_file_size", d.maxFileSize()),
                s.nonNullInt("backup_count", d.backupCount()),
                s.string("date_format", null),
                s.stringList("log_keys"));
    }

    private static ReceiverSettings receiver(Section s) {
        return new ReceiverSettings(
                s.nonNullInt("max_bytes_per_line", ReceiverSettings.DEFAULT_MAX_BYTES_PER_LINE),
                s.seconds("read_timeout_seconds", null));
    }

    private static SenderSettings sender(Section s) {
        int concurrency = s.nonNullInt("concurrency_limit", SenderSettings.DEFAULT_CONCURRENCY_LIMIT);
        return new SenderSettings(
                concurrency,
                s.bool("batch_drain", true),
                s.nonNullInt("queue_maxsize", concurrency),
                s.nonNullInt("event_bridge_maxsize", SenderSettings.DEFAULT_EVENT_BRIDGE_MAXSIZE),
                s.nonNullInt("max_worker_errors", SenderSettings.DEFAULT_MAX_WORKER_ERRORS));
    }

    private static ReconnectionSettings reconnection(Section s, String host, Integer port) {
        return new ReconnectionSettings(
                s.seconds("retry_delay_seconds", ReconnectionSettings.DEFAULT_RETRY_DELAY),
                s.nullableInt("primary_retry_limit", ReconnectionSettings.DEFAULT_PRIMARY_RETRY_LIMIT),
                s.string("default_host", host),
                s.nullableInt("default_port", port),
                s.nullableInt("default_retry_limit", ReconnectionSettings.DEFAULT_DEFAULT_RETRY_LIMIT));
    }

    /** One JSON object of the file and its dotted path, for error messages. */
    private record Section(String path, JsonNode node) {
        private static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();

        Section section(String key) {
            JsonNode child = node.get(key);
            if (child == null || child.isNull()) {
                return new Section(key(key), EMPTY);
            }
            if (!(child instanceof ObjectNode)) {
                throw ConfigException.invalid(key(key), child, "a JSON object");
            }
            return new Section(key(key), child);
        }

        private String key(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        /** Missing or null: {@code fallback}. */
        private JsonNode value(String key) {
            JsonNode v = node.get(key);
            return v == null || v.isNull() ? null : v;
        }

        String string(String key, String fallback) {
            JsonNode v = value(key);
            if (v == null) {
                return fallback;
            }
            if (!v.isTextual()) {
                throw ConfigException.invalid(key(key), v, "a string");
            }
            return v.textValue();
        }

        boolean bool(String key, boolean fallback) {
            JsonNode v = value(key);
            if (v == null) {
                return fallback;
            }
            if (!v.isBoolean()) {
                throw ConfigException.invalid(key(key), v, "true or false");
            }
            return v.booleanValue();
        }

        Integer nullableInt(String key, Integer missing) {
            JsonNode v = node.get(key);
            if (v == null) {
                return missing;
            }
            if (v.isNull()) {
                return null;
            }
            return (int) integral(key, v, Integer.MAX_VALUE);
        }

        int nonNullInt(String key, int fallback) {
            JsonNode v = value(key);
            return v == null ? fallback : (int) integral(key, v, Integer.MAX_VALUE);
        }

        long nonNullLong(String key, long fallback) {
            JsonNode v = value(key);
            return v == null ? fallback : integral(key, v, Long.MAX_VALUE);
        }

        private long integral(String key, JsonNode v, long max) {
            if (!v.isIntegralNumber() || !v.canConvertToLong() || Math.abs(v.longValue()) > max) {
                throw ConfigException.invalid(key(key), v, "an integer");
            }
            return v.longValue();
        }

        Duration seconds(String key, Duration fallback) {
            JsonNode v = value(key);
            if (v == null) {
                return fallback;
            }
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                throw ConfigException.invalid(key(key), v, "a number of seconds");
            }
            double seconds = v.doubleValue();
            if (seconds < 0) {
                throw ConfigException.invalid(key(key), v, "a number of seconds >= 0");
            }
            return Duration.ofNanos(Math.round(seconds * 1e9));
        }

        List<String> stringList(String key) {
            JsonNode v = value(key);
            if (v == null) {
                return null;
            }
            if (!v.isArray()) {
                throw ConfigException.invalid(key(key), v, "a list of strings or null");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : v) {
                if (!item.isTextual()) {
                    throw ConfigException.invalid(key(key), v, "a list of strings or null");
                }
                out.add(item.textValue());
            }
            return out;
        }
    }
}
