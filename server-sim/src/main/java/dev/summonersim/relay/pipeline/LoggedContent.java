package dev.summonersim.relay.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.summonersim.sdk.text.PeerText;

import java.util.List;

/**
 * How a relayed content appears in the "Received from" log line: as is, or, with the reference's {@code log_keys},
 * a JSON object content pruned to those keys (never affects what is relayed). Either way through the sdk's
 * {@link PeerText#oneLine}, so a peer cannot put control sequences into the relay's log or start a log line of its own.
 */
public final class LoggedContent {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final List<String> keys;

    public LoggedContent(List<String> keys) {
        this.keys = keys;
    }

    public String render(String content) {
        return PeerText.oneLine(pruned(content));
    }

    private String pruned(String content) {
        if (keys == null) {
            return content;
        }
        try {
            JsonNode node = MAPPER.readTree(content);
            if (node instanceof ObjectNode obj) {
                obj.retain(keys);
                return obj.toString();
            }
        } catch (Exception notJson) {
            // non-JSON content is logged as is
        }
        return content;
    }
}
