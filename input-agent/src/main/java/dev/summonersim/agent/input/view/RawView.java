package dev.summonersim.agent.input.view;

import dev.summonersim.sdk.protocol.ReceivedMessage;

/** The reference display: every message as {@code \r[Received] <str>\n> } (or {@code [From server]}). */
public final class RawView implements MessageView {
    private final Screen screen;

    public RawView(Screen screen) {
        this.screen = screen;
    }

    @Override
    public void show(ReceivedMessage message) {
        screen.showDisplay(InputAgentDisplay.render(message));
    }
}
