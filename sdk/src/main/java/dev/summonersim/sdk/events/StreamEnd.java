package dev.summonersim.sdk.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Last event of a stream that completed; follows its last token. */
public record StreamEnd(String streamId) implements StreamEvent {

    public StreamEnd {
        Objects.requireNonNull(streamId, "streamId");
    }

    @Override
    public String type() {
        return TYPE_STREAM_END;
    }

    @Override
    public Map<String, Object> toPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type());
        payload.put("stream_id", streamId);
        return payload;
    }
}
