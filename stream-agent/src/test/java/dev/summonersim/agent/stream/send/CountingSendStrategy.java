package dev.summonersim.agent.stream.send;

import dev.summonersim.sdk.events.StreamEvent;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a strategy and records every call: when it returned and whether it gave an event (test probe). */
public final class CountingSendStrategy implements SendStrategy {

    private final SendStrategy delegate;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Long> eventReturns = new CopyOnWriteArrayList<>();
    private final List<Long> emptyReturns = new CopyOnWriteArrayList<>();

    public CountingSendStrategy(SendStrategy delegate) {
        this.delegate = delegate;
    }

    @Override
    public StreamEvent next(BlockingQueue<StreamEvent> queue) throws InterruptedException {
        calls.incrementAndGet();
        StreamEvent event = delegate.next(queue);
        (event == null ? emptyReturns : eventReturns).add(System.nanoTime());
        return event;
    }

    /** Calls started, including one still waiting. */
    public int calls() {
        return calls.get();
    }

    /**
     * nanoTime of each return that gave an event, in order: a snapshot, because the send thread keeps appending
     * (a subList view of the live list throws ConcurrentModificationException once it grows).
     */
    public List<Long> eventReturns() {
        return List.copyOf(eventReturns);
    }

    /** nanoTime of each idle return (nothing to send), in order: a snapshot, as {@link #eventReturns()}. */
    public List<Long> emptyReturns() {
        return List.copyOf(emptyReturns);
    }
}
