package dev.summonersim.agent.input;

import dev.summonersim.sdk.events.StreamEvent;
import dev.summonersim.sdk.protocol.ReceivedMessage;
import dev.summonersim.sdk.protocol.RelayMessage;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Counts distinct streams that reached a terminal event (stream_end, stream_cancelled or stream_error), for
 * --exit-after-streams. A stream id is counted once even if a relay repeats or reorders its events.
 */
final class StreamCompletionTracker {
    private final Set<String> finished = new HashSet<>();

    /** Returns the number of finished streams after looking at this message. */
    synchronized int observe(ReceivedMessage message) {
        if (message instanceof RelayMessage relay) {
            Optional<StreamEvent> event = StreamEvent.fromContent(relay.content());
            event.filter(StreamEvent::isTerminal).ifPresent(e -> finished.add(e.streamId()));
        }
        return finished.size();
    }

    synchronized int finishedCount() {
        return finished.size();
    }
}
