package dev.summonersim.sdk.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One non-empty chunk of model output, text exactly as the model produced it. */
public record Token(String streamId, String token) implements StreamEvent {

    public Token {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String type() {
        return TYPE_TOKEN;
    }

    @Override
    public Map<String, Object> toPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type());
        payload.put("stream_id", streamId);
        payload.put("token", token);
        return payload;
    }
}
