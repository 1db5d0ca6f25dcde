package dev.summonersim.llmstub.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the streaming filter writes: timed events, then how the connection ends. With {@code headersFirst} the
 * headers go out at once (a stream); without, they go out with the first event (a plain JSON response).
 */
public record StreamPlan(List<TimedEvent> events, Ending ending, boolean headersFirst, String prompt) {

    public StreamPlan {
        events = List.copyOf(events);
    }

    public StreamPlan(List<TimedEvent> events, Ending ending, boolean headersFirst) {
        this(events, ending, headersFirst, "");
    }

    StreamPlan forPrompt(String prompt) {
        return new StreamPlan(events, ending, headersFirst, prompt);
    }

    /**
     * One write+flush after {@code delayMillis} from the previous one.
     *
     * @param tokenIndex the content token this event carries (0 = first), or -1
     */
    public record TimedEvent(long delayMillis, byte[] bytes, int tokenIndex) {
        public static TimedEvent of(long delayMillis, String text) {
            return new TimedEvent(delayMillis, text.getBytes(StandardCharsets.UTF_8), -1);
        }

        static TimedEvent token(long delayMillis, String text, int index) {
            return new TimedEvent(delayMillis, text.getBytes(StandardCharsets.UTF_8), index);
        }
    }

    public enum Ending {
        /** The response ends normally (the terminating chunk is sent). */
        COMPLETE,
        /** The TCP connection is reset (RST) instead. */
        RESET,
        /** Nothing more is sent; the connection stays open until the stub shuts down. */
        STALL
    }

    /** All event texts concatenated: what the request journal shows as the response body. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (TimedEvent e : events) {
            sb.append(new String(e.bytes(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
