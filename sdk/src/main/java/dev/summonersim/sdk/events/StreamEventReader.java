package dev.summonersim.sdk.events;

import java.util.Map;
import java.util.Optional;

/** The parsing half of {@link StreamEvent#fromContent}, kept out of the interface to keep it a plain type. */
final class StreamEventReader {

    private StreamEventReader() {
    }

    static Optional<StreamEvent> read(Object content) {
        if (!(content instanceof Map<?, ?> map) || !(map.get("type") instanceof String type)
                || !(map.get("stream_id") instanceof String streamId)) {
            return Optional.empty();
        }
        switch (type) {
            case StreamEvent.TYPE_STREAM_START:
                return Optional.of(new StreamStart(streamId));
            case StreamEvent.TYPE_STREAM_END:
                return Optional.of(new StreamEnd(streamId));
            case StreamEvent.TYPE_STREAM_CANCELLED:
                return Optional.of(new StreamCancelled(streamId));
            case StreamEvent.TYPE_TOKEN:
                return map.get("token") instanceof String token
                    ? Optional.of(new Token(streamId, token)) : Optional.empty();
            case StreamEvent.TYPE_STREAM_ERROR:
                return map.get("error") instanceof String error
                    ? Optional.of(new StreamError(streamId, error)) : Optional.empty();
            default:
                return Optional.empty();
        }
    }
}
