package dev.summonersim.testkit.assertions;

import dev.summonersim.testkit.check.ObservedEvent;

import java.util.List;

/** AssertJ-style entry point for the stream invariant checker: {@code assertThat(events).satisfiesStreamInvariants()}. */
public final class StreamAssertions {

    private StreamAssertions() {
    }

    /** Assertions over the stream events one receiver saw, in arrival order. */
    public static StreamEventsAssert assertThat(List<ObservedEvent> events) {
        return new StreamEventsAssert(events);
    }
}
