package dev.summonersim.sdk.protocol;

import java.util.Objects;

/**
 * A received line that is not JSON (server Warning lines, raw text) or whose JSON value is a string literal; one
 * trailing LF removed, a CR kept (the reference client never strips CR).
 */
public record TextMessage(String text) implements ReceivedMessage {

    public TextMessage {
        Objects.requireNonNull(text, "text");
    }

    /**
     * True when the text starts with {@code Warning:}, the prefix of every line a reference server writes itself.
     * Relayed payloads are never TextMessages, so a peer cannot produce one (unlike the reference, quirk Q15).
     */
    public boolean isServerWarning() {
        return text.startsWith("Warning:");
    }
}
