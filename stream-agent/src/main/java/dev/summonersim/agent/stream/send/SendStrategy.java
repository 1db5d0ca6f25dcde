package dev.summonersim.agent.stream.send;

import dev.summonersim.sdk.events.StreamEvent;
import java.util.concurrent.BlockingQueue;

/**
 * Decides how the send loop waits for the next queued stream event. One call is in flight at a time, and the
 * strategy paces the loop itself (the sdk calls {@code next} again as soon as it returns), so the choice of
 * strategy fixes both the maximum emission rate and the number of idle wake-ups.
 */
@FunctionalInterface
public interface SendStrategy {

    /** Returns the next event to send, or null to send nothing this round. */
    StreamEvent next(BlockingQueue<StreamEvent> queue) throws InterruptedException;
}
