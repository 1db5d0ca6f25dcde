package dev.summonersim.agent.input.view;

import dev.summonersim.sdk.protocol.JsonMessage;
import dev.summonersim.sdk.protocol.ReceivedMessage;
import dev.summonersim.sdk.protocol.RelayMessage;
import dev.summonersim.sdk.protocol.TextMessage;
import dev.summonersim.sdk.python.PythonRepr;
import dev.summonersim.sdk.text.PeerText;
import java.util.Map;

/**
 * The exact text InputAgent writes to stdout for one received message:
 * {@code "\r" + tag + " " + str(content) + "\n> "}, where {@code \r} returns over the pending {@code "> "} prompt
 * and the trailing {@code "> "} redraws it.
 *
 * <p>Deliberate difference from the reference (quirk Q15): the reference tags any string content starting with
 * {@code Warning:} as {@code [From server]}, so a peer can spoof server warnings. Here only a {@link TextMessage}
 * that is a server warning gets {@code [From server]}; everything a peer sent is {@code [Received]}.
 *
 * <p>Deliberate difference N3: the text is passed through {@link PeerText#sanitize}, so control and
 * bidirectional characters are shown as {@code \x1b}-style escapes instead of reaching the terminal, and every
 * line after the first of a multi-line text is indented by the width of the tag and its space (vector F6 prints
 * {@code "Hello\n           How are you?"}). A peer therefore cannot start a line of its own that looks like
 * {@code [From server] …} or another {@code [Received] …}: every line the display starts at the left margin is
 * a tag this agent wrote.
 */
final class InputAgentDisplay {

    static final String FROM_SERVER = "[From server]";
    static final String RECEIVED = "[Received]";

    private InputAgentDisplay() {
    }

    static String render(ReceivedMessage message) {
        String tag = RECEIVED;
        Object content;
        if (message instanceof TextMessage text) {
            content = text.text();
            if (text.isServerWarning()) {
                tag = FROM_SERVER;
            }
        } else if (message instanceof RelayMessage relay) {
            content = relay.content();
        } else {
            Object value = ((JsonMessage) message).value();
            // the reference shows msg["content"] for any dict that has that key
            content = value instanceof Map<?, ?> map && map.containsKey("content") ? map.get("content") : value;
        }
        return "\r" + tag + " " + shown(tag, PythonRepr.str(content)) + "\n> ";
    }

    /** The text as the display shows it after {@code tag}: sanitized, continuation lines indented under it. */
    private static String shown(String tag, String text) {
        String safe = PeerText.sanitize(text);
        return safe.indexOf('\n') < 0 ? safe : safe.replace("\n", "\n" + " ".repeat(tag.length() + 1));
    }
}
