package dev.summonersim.agent.stream;

import dev.summonersim.sdk.client.ReceiveHandler;
import dev.summonersim.sdk.events.StreamEvent;
import dev.summonersim.sdk.protocol.JsonMessage;
import dev.summonersim.sdk.protocol.ReceivedMessage;
import dev.summonersim.sdk.protocol.RelayMessage;
import dev.summonersim.sdk.protocol.TextMessage;
import dev.summonersim.sdk.python.PythonRepr;
import dev.summonersim.sdk.text.PeerText;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * The agent's receive handler: server warnings are logged, other shapes ignored, and every relayed message
 * (except, by default, another agent's stream events) becomes a prompt that starts a new stream. In addressed mode
 * only a dict {@code {"to": <name>, "prompt": <text>}} naming this agent is a prompt; everything else is ignored
 * without a log line, because on a busy relay every agent receives every other agent's events.
 */
final class PromptReceiver implements ReceiveHandler {

    private final SingleStreamRunner runner;
    private final Logger log;
    private final boolean reactToAll;
    private final String addressedTo;
    private final RepeatedWarningLog warnings;

    PromptReceiver(SingleStreamRunner runner, Logger log, boolean reactToAll) {
        this(runner, log, reactToAll, null);
    }

    /** @param addressedTo this agent's name in addressed mode; null = every relayed message is a prompt */
    PromptReceiver(SingleStreamRunner runner, Logger log, boolean reactToAll, String addressedTo) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.log = Objects.requireNonNull(log, "log");
        this.reactToAll = reactToAll;
        this.addressedTo = addressedTo;
        this.warnings = new RepeatedWarningLog(log, System::nanoTime, RepeatedWarningLog.DEFAULT_WINDOW);
    }

    @Override
    public void onMessage(ReceivedMessage message) {
        if (message instanceof TextMessage text && text.isServerWarning()) {
            warnings.warn(PeerText.oneLine(text.text().replace("Warning:", "[From Server]")));
            return;
        }
        warnings.flush();
        if (message instanceof RelayMessage relay) {
            onRelayed(relay);
        } else if (message instanceof TextMessage text) {
            log.info("Ignored message (unexpected shape): {}", PythonTypeName.classOf(text.text()));
        } else if (message instanceof JsonMessage json) {
            log.info("Ignored message (unexpected shape): {}", PythonTypeName.classOf(json.value()));
        }
    }

    private void onRelayed(RelayMessage relay) {
        if (addressedTo != null) {
            if (isAddressedToMe(relay.content())) {
                startStream(relay);
            }
            return;
        }
        if (!reactToAll && isStreamEvent(relay.content())) {
            // Two stream agents on one relay would otherwise prompt each other forever (reference quirk Q20).
            log.debug("Ignored stream event from remote_addr={} (self-trigger guard; --react-to-all disables it)",
                    PeerText.oneLine(relay.remoteAddr()));
            return;
        }
        startStream(relay);
    }

    private void startStream(RelayMessage relay) {
        String prompt = PromptExtraction.promptOf(relay.content());
        log.info("Triggering LLM streaming for remote_addr={} prompt={}", PeerText.oneLine(relay.remoteAddr()),
                PythonRepr.repr(prompt));
        runner.start(prompt);
    }

    /** A dict whose "to" is exactly this agent's name and whose "prompt" is a string. */
    private boolean isAddressedToMe(Object content) {
        return content instanceof Map<?, ?> dict && addressedTo.equals(dict.get("to"))
                && dict.get("prompt") instanceof String;
    }

    private static boolean isStreamEvent(Object content) {
        return content instanceof Map<?, ?> dict && dict.get("type") instanceof String type
                && StreamEvent.isStreamEventType(type);
    }
}
