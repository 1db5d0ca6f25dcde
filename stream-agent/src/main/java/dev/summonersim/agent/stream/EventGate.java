package dev.summonersim.agent.stream;

import dev.summonersim.sdk.events.StreamEvent;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;

/**
 * The only way one stream's events reach the shared send queue. Publishing and closing share one lock, and
 * closing enqueues the terminal event (end, error or cancelled) in the same step, so after the terminal event
 * nothing of that stream can be queued and a stream gets exactly one terminal event, whoever closes first.
 */
final class EventGate {

    private final BlockingQueue<StreamEvent> queue;
    private boolean open = true;

    EventGate(BlockingQueue<StreamEvent> queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    /** Queues the event unless the gate is closed; returns whether it was queued. */
    synchronized boolean publish(StreamEvent event) {
        if (!open) {
            return false;
        }
        queue.add(event);
        return true;
    }

    /** Queues the terminal event and closes the gate; false (and nothing queued) if it was already closed. */
    synchronized boolean close(StreamEvent terminal) {
        if (!open) {
            return false;
        }
        open = false;
        queue.add(terminal);
        return true;
    }

    synchronized boolean isOpen() {
        return open;
    }
}
