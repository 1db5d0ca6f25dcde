package dev.summonersim.testkit.assertions;

import dev.summonersim.testkit.check.CheckReport;
import dev.summonersim.testkit.check.ExpectedScript;
import dev.summonersim.testkit.check.ObservedEvent;
import dev.summonersim.testkit.check.StreamInvariantChecker;
import org.assertj.core.api.AbstractAssert;

import java.util.Arrays;
import java.util.List;

/**
 * Assertions over the stream events one receiver saw, backed by {@link StreamInvariantChecker}. A failure message is
 * the checker's report: each violation with its rule and the offending event.
 */
public final class StreamEventsAssert extends AbstractAssert<StreamEventsAssert, List<ObservedEvent>> {

    StreamEventsAssert(List<ObservedEvent> events) {
        super(events, StreamEventsAssert.class);
    }

    /**
     * Per stream_id: stream_start first, exactly one terminal event and nothing after it, tokens only in between,
     * a UUID stream_id never reused. Fails on an empty list: a check of nothing proves nothing.
     */
    public StreamEventsAssert satisfiesStreamInvariants() {
        return passes(StreamInvariantChecker.structural());
    }

    /**
     * The invariants, and each stream (in order of appearance) carries these tokens: the whole list for a stream that
     * ended, a prefix for a cancelled or failed one. Differences are reported as lost, duplicated or reordered tokens.
     */
    @SafeVarargs
    public final StreamEventsAssert carriesTokens(List<String>... tokensPerStream) {
        return passes(StreamInvariantChecker.expectingTokens(tokensPerStream));
    }

    /** The invariants, and each stream (in order of appearance) matches its script. */
    public StreamEventsAssert matchesScripts(ExpectedScript... scriptsInStreamOrder) {
        return passes(StreamInvariantChecker.expecting(Arrays.asList(scriptsInStreamOrder)));
    }

    /** The events belong to exactly this many streams. */
    public StreamEventsAssert hasStreamCount(int expected) {
        isNotNull();
        int streams = StreamInvariantChecker.structural().check(actual).streams().size();
        if (streams != expected) {
            failWithMessage("expected %d streams but the events carry %d: %s", expected, streams, actual);
        }
        return this;
    }

    private StreamEventsAssert passes(StreamInvariantChecker checker) {
        isNotNull();
        if (actual.isEmpty()) {
            failWithMessage("expected stream events but there were none");
        }
        CheckReport report = checker.check(actual);
        if (!report.isClean()) {
            failWithMessage("stream events break the invariants: %s", report.describe());
        }
        return this;
    }
}
