package dev.summonersim.agent.input.view;

import dev.summonersim.sdk.protocol.ReceivedMessage;
import java.time.Duration;

/** Shows received messages; called from the client's receive thread, one message at a time, in arrival order. */
public interface MessageView {
    void show(ReceivedMessage message);

    /** Called periodically by the agent (from another thread) so a view can mark streams that went silent. */
    default void checkStalls() {
    }

    static MessageView of(ViewMode mode, Screen screen) {
        return of(mode, screen, TextView.DEFAULT_STALL_AFTER);
    }

    /** @param stallAfter the text view's stall time (see {@link TextView}) */
    static MessageView of(ViewMode mode, Screen screen, Duration stallAfter) {
        return switch (mode) {
            case RAW -> new RawView(screen);
            case TEXT -> new TextView(screen, System::nanoTime, stallAfter);
        };
    }
}
