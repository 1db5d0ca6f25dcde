package dev.summonersim.sdk.protocol;

import dev.summonersim.sdk.python.JsonSyntaxException;
import dev.summonersim.sdk.python.PythonJson;
import java.util.Map;
import java.util.Objects;

/**
 * Turns one received line into a {@link ReceivedMessage}, following the reference's {@code recover_with_types}
 * except where it is broken:
 * <ul>
 *   <li>the frame is parsed once and the content string once; string leaves inside the payload are never
 *       re-parsed (quirk Q3, and thereby Q23: a 5000-digit token stays a token);</li>
 *   <li>nesting deeper than {@link PythonJson#MAX_DEPTH} makes the line plain text instead of killing the client
 *       (quirk Q8);</li>
 *   <li>any {@code _version} is accepted and cast with the 0.0.1 rules (quirk Q21, same as the reference).</li>
 * </ul>
 * Never throws for any non-null string.
 */
public final class MessageDecoder {

    private MessageDecoder() {
    }

    /** Decodes one line, with or without its trailing LF. */
    public static ReceivedMessage decode(String line) {
        Objects.requireNonNull(line, "line");
        try {
            return decodeOrThrow(line);
        } catch (RuntimeException unexpected) {
            // The receive loop must survive any line (quirk Q8 killed every Python client); whatever the parser or
            // caster could not handle is delivered as the raw text it was.
            return new TextMessage(withoutLastLf(line));
        }
    }

    private static ReceivedMessage decodeOrThrow(String line) {
        String text = withoutLastLf(line);
        Object frame;
        try {
            frame = PythonJson.loads(text);
        } catch (JsonSyntaxException notJson) {
            return new TextMessage(text);
        }
        if (frame instanceof String literal) {
            // the reference strips one LF from whatever string it ends up with, a JSON literal included
            return new TextMessage(withoutLastLf(literal));
        }
        if (frame instanceof Map<?, ?> map && map.containsKey("remote_addr") && map.containsKey("content")
                && map.get("remote_addr") instanceof String remoteAddr) {
            return new RelayMessage(remoteAddr, contentOf(map.get("content")));
        }
        return new JsonMessage(frame);
    }

    private static Object contentOf(Object rawContent) {
        Object content = rawContent;
        if (rawContent instanceof String s) {
            try {
                content = PythonJson.loads(s);
            } catch (JsonSyntaxException notJson) {
                return s;
            }
        }
        if (content instanceof Map<?, ?> envelope && envelope.containsKey("_version")
                && envelope.containsKey("_payload") && envelope.containsKey("_type")) {
            return EnvelopeCaster.cast(envelope.get("_payload"), envelope.get("_type"));
        }
        return content;
    }

    private static String withoutLastLf(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
