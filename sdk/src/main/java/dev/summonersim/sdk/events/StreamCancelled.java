package dev.summonersim.sdk.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Last event of a stream stopped because a newer prompt arrived. */
public record StreamCancelled(String streamId) implements StreamEvent {

    public StreamCancelled {
        Objects.requireNonNull(streamId, "streamId");
    }

    @Override
    public String type() {
        return TYPE_STREAM_CANCELLED;
    }

    @Override
    public Map<String, Object> toPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type());
        payload.put("stream_id", streamId);
        return payload;
    }
}
