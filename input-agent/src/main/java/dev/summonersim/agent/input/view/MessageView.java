package dev.summonersim.agent.input.view;

import dev.summonersim.sdk.wire.ReceivedMessage;

/** Shows received messages; called from the client's receive thread, one message at a time, in arrival order. */
public interface MessageView {
    void show(ReceivedMessage message);

    static MessageView of(ViewMode mode, Screen screen) {
        return switch (mode) {
            case RAW -> new RawView(screen);
            case TEXT -> new TextView(screen, System::nanoTime);
        };
    }
}
