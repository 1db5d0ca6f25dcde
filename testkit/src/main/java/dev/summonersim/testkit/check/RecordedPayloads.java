package dev.summonersim.testkit.check;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.Optional;

/**
 * Finds the stream event inside one recorded JSON value, whatever wraps it: a relay frame
 * ({@code {"content": "<envelope line>", "remote_addr": ...}}), an envelope ({@code _payload}), a record entry that
 * holds the frame or the line as a string, or the bare event. String leaves of the payload are never re-parsed, so
 * a token {@code "null"} stays the text null (the reference's quirk Q3 is not reproduced).
 */
final class RecordedPayloads {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private static final String[] WRAPPER_KEYS = {"_payload", "content", "frame", "line", "payload", "message"};
    private static final int MAX_UNWRAP = 8;

    private RecordedPayloads() {
    }

    /** Parses one JSON text; throws IllegalArgumentException with the parser's message when it is not JSON. */
    static Object parseJson(String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** The stream-event map inside a recorded value, if there is one. */
    static Optional<Map<?, ?>> findEvent(Object value) {
        Object current = value;
        for (int depth = 0; depth < MAX_UNWRAP && current != null; depth++) {
            if (current instanceof String s) {
                String trimmed = s.strip();
                if (!trimmed.startsWith("{")) {
                    return Optional.empty();
                }
                try {
                    current = parseJson(trimmed);
                } catch (IllegalArgumentException notJson) {
                    return Optional.empty();
                }
                continue;
            }
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            if (ObservedEvent.isStreamEventType(map.get("type"))) {
                return Optional.of(map);
            }
            Object inner = null;
            for (String key : WRAPPER_KEYS) {
                if (map.containsKey(key)) {
                    inner = map.get(key);
                    break;
                }
            }
            current = inner;
        }
        return Optional.empty();
    }
}
