package dev.summonersim.sdk.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** First event of a stream, sent before any token. */
public record StreamStart(String streamId) implements StreamEvent {

    public StreamStart {
        Objects.requireNonNull(streamId, "streamId");
    }

    @Override
    public String type() {
        return TYPE_STREAM_START;
    }

    @Override
    public Map<String, Object> toPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type());
        payload.put("stream_id", streamId);
        return payload;
    }
}
