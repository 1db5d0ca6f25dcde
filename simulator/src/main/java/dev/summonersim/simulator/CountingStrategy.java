package dev.summonersim.simulator;

import dev.summonersim.agent.stream.send.SendStrategy;
import dev.summonersim.sdk.events.StreamEvent;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/** Wraps an agent's real send strategy to count its idle wake-ups (rounds that returned nothing). */
final class CountingStrategy implements SendStrategy {

    private final SendStrategy delegate;
    private final LongAdder idleWakeups;

    CountingStrategy(SendStrategy delegate, LongAdder idleWakeups) {
        this.delegate = delegate;
        this.idleWakeups = idleWakeups;
    }

    @Override
    public StreamEvent next(BlockingQueue<StreamEvent> queue) throws InterruptedException {
        StreamEvent event = delegate.next(queue);
        if (event == null) {
            idleWakeups.increment();
        }
        return event;
    }
}
