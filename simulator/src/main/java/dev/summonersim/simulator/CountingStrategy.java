package dev.summonersim.simulator;

import dev.summonersim.agent.stream.send.SendStrategy;
import dev.summonersim.sdk.events.StreamEvent;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Wraps an agent's real send strategy to count its idle wake-ups (rounds that returned nothing) and the events it
 * handed to the client to send (what the agent forwarded, for the accounting).
 */
final class CountingStrategy implements SendStrategy {

    private final SendStrategy delegate;
    private final LongAdder idleWakeups;
    private final LongAdder sent;

    CountingStrategy(SendStrategy delegate, LongAdder idleWakeups, LongAdder sent) {
        this.delegate = delegate;
        this.idleWakeups = idleWakeups;
        this.sent = sent;
    }

    @Override
    public StreamEvent next(BlockingQueue<StreamEvent> queue) throws InterruptedException {
        StreamEvent event = delegate.next(queue);
        if (event == null) {
            idleWakeups.increment();
        } else {
            sent.increment();
        }
        return event;
    }
}
