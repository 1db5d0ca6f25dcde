package dev.summonersim.sdk.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Last event of a stream that failed; {@code error} is the failure's text. No stream_end follows. */
public record StreamError(String streamId, String error) implements StreamEvent {

    public StreamError {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(error, "error");
    }

    @Override
    public String type() {
        return TYPE_STREAM_ERROR;
    }

    @Override
    public Map<String, Object> toPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type());
        payload.put("stream_id", streamId);
        payload.put("error", error);
        return payload;
    }
}
