package dev.summonersim.agent.stream.send;

import dev.summonersim.sdk.client.SendHandler;
import dev.summonersim.sdk.events.StreamEvent;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;

/**
 * Bridges the event queue to the sdk send loop: each call asks the strategy for the next event and hands its
 * payload (reference key order) to the client, which wraps it in an envelope line.
 */
public final class EventSendHandler implements SendHandler {

    private final BlockingQueue<StreamEvent> queue;
    private final SendStrategy strategy;

    public EventSendHandler(BlockingQueue<StreamEvent> queue, SendStrategy strategy) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    @Override
    public Object nextPayload() throws InterruptedException {
        StreamEvent event = strategy.next(queue);
        return event == null ? null : event.toPayload();
    }
}
