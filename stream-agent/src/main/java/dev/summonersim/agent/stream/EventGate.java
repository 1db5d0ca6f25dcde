package dev.summonersim.agent.stream;

import dev.summonersim.sdk.events.StreamEvent;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;

/**
 * The only way one stream's events reach the shared send queue. Publishing and closing share one lock, and
 * closing enqueues the terminal event (end, error or cancelled) in the same step, so after the terminal event
 * nothing of that stream can be queued and a stream gets exactly one terminal event, whoever closes first.
 *
 * <p>The send queue is bounded. When it is full, {@link #publish} waits for room, which holds up the LLM reader
 * and so back-pressures the HTTP stream: memory stays bounded and no event is dropped. The wait gives the lock
 * back every {@link #ROOM_CHECK_MILLIS} ms, so a cancel from another thread can close the gate meanwhile (the
 * queue is a plain {@link BlockingQueue} drained by the send strategies, which do not signal room).
 */
final class EventGate {

    static final long ROOM_CHECK_MILLIS = 2;

    private final BlockingQueue<StreamEvent> queue;
    private boolean open = true;

    EventGate(BlockingQueue<StreamEvent> queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    /**
     * Queues the event unless the gate is closed, waiting while the queue is full; returns whether it was queued.
     * An interrupt ends the wait (the agent is shutting down): the event is not queued and the interrupt is kept.
     */
    synchronized boolean publish(StreamEvent event) {
        while (open) {
            if (queue.offer(event)) {
                return true;
            }
            if (!awaitRoom()) {
                return false;
            }
        }
        return false;
    }

    /**
     * Queues the terminal event and closes the gate, waiting for room like {@link #publish}; false (and nothing
     * queued) if it was already closed. An interrupt while waiting gives up on queuing the terminal event.
     */
    synchronized boolean close(StreamEvent terminal) {
        if (!open) {
            return false;
        }
        open = false;
        while (!queue.offer(terminal)) {
            if (!awaitRoom()) {
                break;
            }
        }
        return true;
    }

    synchronized boolean isOpen() {
        return open;
    }

    /** Waits a little with the lock released; false when interrupted (the interrupt flag is set again). */
    private boolean awaitRoom() {
        try {
            wait(ROOM_CHECK_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
