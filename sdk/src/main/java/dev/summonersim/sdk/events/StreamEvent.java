package dev.summonersim.sdk.events;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The events StreamAgent sends, one envelope payload each. {@link #toPayload()} gives the payload map with the
 * reference's key order ({@code type}, {@code stream_id}, then {@code token} or {@code error}), so that
 * {@code EnvelopeCodec.encode(event.toPayload())} is byte-identical to the reference's wire line.
 */
public sealed interface StreamEvent permits StreamStart, Token, StreamEnd, StreamCancelled, StreamError {

    String TYPE_STREAM_START = "stream_start";
    String TYPE_TOKEN = "token";
    String TYPE_STREAM_END = "stream_end";
    String TYPE_STREAM_CANCELLED = "stream_cancelled";
    String TYPE_STREAM_ERROR = "stream_error";

    /** The stream this event belongs to (a uuid4 string in the reference). */
    String streamId();

    /** The {@code type} value on the wire. */
    String type();

    /** A fresh payload map (a new LinkedHashMap each call) in wire key order. */
    Map<String, Object> toPayload();

    /** True for the events that end a stream (stream_end, stream_cancelled, stream_error); a stream gets one. */
    default boolean isTerminal() {
        return this instanceof StreamEnd || this instanceof StreamCancelled || this instanceof StreamError;
    }

    /** True for the five type names above. */
    static boolean isStreamEventType(String type) {
        return type != null && Set.of(TYPE_STREAM_START, TYPE_TOKEN, TYPE_STREAM_END, TYPE_STREAM_CANCELLED,
            TYPE_STREAM_ERROR).contains(type);
    }

    /**
     * Reads decoded relay content back into an event: a Map whose {@code type} is one of the five names, with a
     * string {@code stream_id} and, for tokens and errors, a string {@code token} / {@code error}. Extra keys are
     * ignored. Anything else is empty.
     */
    static Optional<StreamEvent> fromContent(Object content) {
        return StreamEventReader.read(content);
    }
}
