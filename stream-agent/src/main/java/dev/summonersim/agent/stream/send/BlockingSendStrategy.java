package dev.summonersim.agent.stream.send;

import dev.summonersim.sdk.events.StreamEvent;
import java.util.concurrent.BlockingQueue;

/**
 * Waits without a timeout: no idle wake-ups at all. Not in the reference; it is the baseline the benchmarks
 * compare polling and timeout waiting against. Shutdown ends the wait by interrupting the send thread.
 */
public final class BlockingSendStrategy implements SendStrategy {

    @Override
    public StreamEvent next(BlockingQueue<StreamEvent> queue) throws InterruptedException {
        return queue.take();
    }

    @Override
    public String toString() {
        return "blocking until an event is queued";
    }
}
