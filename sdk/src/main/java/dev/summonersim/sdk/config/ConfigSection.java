package dev.summonersim.sdk.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One JSON object of a reference config file, read key by key. Every wrong type is a {@link ConfigException} that
 * names the dotted key, the value and what was expected ({@code hyper_parameters.port = "x": expected an integer}).
 * A missing section reads as an empty one, so its keys take their defaults. Shared by the client and server config
 * readers, so both files answer bad values the same way.
 */
public final class ConfigSection {
    private static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();

    private final String path;
    private final JsonNode node;

    private ConfigSection(String path, JsonNode node) {
        this.path = path;
        this.node = node;
    }

    /** The top level of a file, which must be a JSON object. */
    public static ConfigSection root(JsonNode object) {
        if (!(object instanceof ObjectNode)) {
            throw ConfigException.invalid("(top level)", object, "a JSON object");
        }
        return new ConfigSection("", object);
    }

    /** The object under {@code key}; missing or null reads as an empty section. */
    public ConfigSection section(String key) {
        JsonNode child = node.get(key);
        if (child == null || child.isNull()) {
            return new ConfigSection(key(key), EMPTY);
        }
        if (!(child instanceof ObjectNode)) {
            throw ConfigException.invalid(key(key), child, "a JSON object");
        }
        return new ConfigSection(key(key), child);
    }

    /** Whether the key is present, even with the value null. */
    public boolean has(String key) {
        return node.has(key);
    }

    private String key(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Missing or null: null. */
    private JsonNode value(String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    /** A string; missing or null gives {@code fallback}. */
    public String string(String key, String fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw ConfigException.invalid(key(key), v, "a string");
        }
        return v.textValue();
    }

    /** true or false; missing or null gives {@code fallback}. */
    public boolean bool(String key, boolean fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw ConfigException.invalid(key(key), v, "true or false");
        }
        return v.booleanValue();
    }

    /** An integer; missing gives {@code missing}, an explicit null gives null. */
    public Integer nullableInt(String key, Integer missing) {
        JsonNode v = node.get(key);
        if (v == null) {
            return missing;
        }
        if (v.isNull()) {
            return null;
        }
        return (int) integral(key, v, Integer.MAX_VALUE);
    }

    /** An integer; missing or null gives {@code fallback}. */
    public int nonNullInt(String key, int fallback) {
        JsonNode v = value(key);
        return v == null ? fallback : (int) integral(key, v, Integer.MAX_VALUE);
    }

    /** An integer; missing or null gives {@code fallback}. */
    public long nonNullLong(String key, long fallback) {
        JsonNode v = value(key);
        return v == null ? fallback : integral(key, v, Long.MAX_VALUE);
    }

    /** An integer from 0 to {@code max}; missing or null gives null. */
    public Long count(String key, long max) {
        JsonNode v = value(key);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0 || v.longValue() > max) {
            throw ConfigException.invalid(key(key), v, "an integer 0.." + max + " or null");
        }
        return v.longValue();
    }

    private long integral(String key, JsonNode v, long max) {
        if (!v.isIntegralNumber() || !v.canConvertToLong() || Math.abs(v.longValue()) > max) {
            throw ConfigException.invalid(key(key), v, "an integer");
        }
        return v.longValue();
    }

    /** A number of seconds >= 0, fractions allowed; missing or null gives {@code fallback}. */
    public Duration seconds(String key, Duration fallback) {
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

    /** A list of strings; missing or null gives null. */
    public List<String> stringList(String key) {
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
