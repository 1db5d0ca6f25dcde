package dev.summonersim.agent.input.view;

/** How received messages are shown. */
public enum ViewMode {
    /** The reference display, byte for byte: {@code \r[Received] <repr>\n> } per message. */
    RAW,
    /** Streams as live text grouped by stream id, with a footer when each stream ends. */
    TEXT
}
