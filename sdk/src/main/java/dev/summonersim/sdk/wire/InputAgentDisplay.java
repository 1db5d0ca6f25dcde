package dev.summonersim.sdk.wire;

import java.util.Map;

/**
 * The exact text InputAgent writes to stdout for one received message:
 * {@code "\r" + tag + " " + str(content) + "\n> "}, where {@code \r} returns over the pending {@code "> "} prompt
 * and the trailing {@code "> "} redraws it.
 *
 * <p>Deliberate difference from the reference (quirk Q15): the reference tags any string content starting with
 * {@code Warning:} as {@code [From server]}, so a peer can spoof server warnings. Here only a {@link TextMessage}
 * that is a server warning gets {@code [From server]}; everything a peer sent is {@code [Received]}.
 */
public final class InputAgentDisplay {

    static final String FROM_SERVER = "[From server]";
    static final String RECEIVED = "[Received]";

    private InputAgentDisplay() {
    }

    public static String render(ReceivedMessage message) {
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
        return "\r" + tag + " " + PythonRepr.str(content) + "\n> ";
    }
}
