package dev.summonersim.testkit.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One stream event as a receiver saw it, kept raw enough that malformed events can be reported instead of lost.
 *
 * @param position 1-based position in what the receiver saw (line number of the source file, or arrival index)
 * @param type the event's {@code type} value: stream_start, token, stream_end, stream_cancelled or stream_error
 * @param streamId the {@code stream_id} value, null when missing or not a string
 * @param token the {@code token} value of a token event, null otherwise or when missing
 * @param error the {@code error} value of a stream_error event, null otherwise
 * @param malformation why the event's shape is wrong (missing or non-string fields), null when well formed
 */
public record ObservedEvent(long position, String type, String streamId, String token, String error, String malformation) {

    public static final String STREAM_START = "stream_start";
    public static final String TOKEN = "token";
    public static final String STREAM_END = "stream_end";
    public static final String STREAM_CANCELLED = "stream_cancelled";
    public static final String STREAM_ERROR = "stream_error";

    public static ObservedEvent start(long position, String streamId) {
        return new ObservedEvent(position, STREAM_START, streamId, null, null, null);
    }

    public static ObservedEvent token(long position, String streamId, String token) {
        return new ObservedEvent(position, TOKEN, streamId, token, null, null);
    }

    public static ObservedEvent end(long position, String streamId) {
        return new ObservedEvent(position, STREAM_END, streamId, null, null, null);
    }

    public static ObservedEvent cancelled(long position, String streamId) {
        return new ObservedEvent(position, STREAM_CANCELLED, streamId, null, null, null);
    }

    public static ObservedEvent error(long position, String streamId, String error) {
        return new ObservedEvent(position, STREAM_ERROR, streamId, null, error, null);
    }

    public static boolean isStreamEventType(Object type) {
        return STREAM_START.equals(type) || TOKEN.equals(type) || STREAM_END.equals(type)
                || STREAM_CANCELLED.equals(type) || STREAM_ERROR.equals(type);
    }

    /**
     * Reads a decoded payload (a map with "type"). Anything that is not a stream event (prompts, other
     * agents' messages) gives empty; a stream event with a wrong shape gives an event with a malformation.
     */
    public static Optional<ObservedEvent> fromPayload(long position, Object payload) {
        if (!(payload instanceof Map<?, ?> map) || !isStreamEventType(map.get("type"))) {
            return Optional.empty();
        }
        String type = (String) map.get("type");
        StringBuilder wrong = new StringBuilder();
        String streamId = stringField(map, "stream_id", wrong);
        String token = TOKEN.equals(type) ? stringField(map, "token", wrong) : null;
        String error = STREAM_ERROR.equals(type) ? stringField(map, "error", wrong) : null;
        return Optional.of(new ObservedEvent(position, type, streamId, token, error,
                wrong.length() == 0 ? null : wrong.toString()));
    }

    private static String stringField(Map<?, ?> map, String key, StringBuilder wrong) {
        Object value = map.get(key);
        if (value instanceof String s) {
            return s;
        }
        if (wrong.length() > 0) {
            wrong.append("; ");
        }
        wrong.append(map.containsKey(key) ? "'" + key + "' is not a string: " + value : "'" + key + "' is missing");
        return null;
    }

    public boolean isTerminal() {
        return STREAM_END.equals(type) || STREAM_CANCELLED.equals(type) || STREAM_ERROR.equals(type);
    }

    /** The event in the reference's key order, for messages and for writing JSON Lines. */
    public Map<String, Object> toPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("stream_id", streamId);
        if (TOKEN.equals(type)) {
            payload.put("token", token);
        }
        if (STREAM_ERROR.equals(type)) {
            payload.put("error", error);
        }
        return payload;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("#").append(position).append(' ').append(type)
                .append(" stream_id=").append(streamId);
        if (TOKEN.equals(type)) {
            s.append(" token=").append(quote(token));
        }
        if (STREAM_ERROR.equals(type)) {
            s.append(" error=").append(quote(error));
        }
        return s.toString();
    }

    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
