package dev.summonersim.testkit.check;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.summonersim.testkit.check.ObservedEvent.cancelled;
import static dev.summonersim.testkit.check.ObservedEvent.end;
import static dev.summonersim.testkit.check.ObservedEvent.error;
import static dev.summonersim.testkit.check.ObservedEvent.start;
import static dev.summonersim.testkit.check.ObservedEvent.token;
import static org.assertj.core.api.Assertions.assertThat;

class StreamInvariantCheckerTest {

    private static final String A = "6e475111-8633-42ea-a456-f146366f131f";
    private static final String B = "0b5c1f8e-2d4a-4c1e-9f3b-7a6d5e4c3b2a";
    private static final List<String> SCRIPT = List.of("I'm", " just", " a", " program", "?");

    /** Builds events with consecutive positions so tests read like the stream. */
    private static final class Events {
        private final List<ObservedEvent> list = new ArrayList<>();

        Events start(String id) { list.add(ObservedEvent.start(list.size() + 1, id)); return this; }
        Events token(String id, String t) { list.add(ObservedEvent.token(list.size() + 1, id, t)); return this; }
        Events tokens(String id, List<String> ts) { ts.forEach(t -> token(id, t)); return this; }
        Events end(String id) { list.add(ObservedEvent.end(list.size() + 1, id)); return this; }
        Events cancelled(String id) { list.add(ObservedEvent.cancelled(list.size() + 1, id)); return this; }
        Events error(String id) { list.add(ObservedEvent.error(list.size() + 1, id, "boom")); return this; }
        Events raw(ObservedEvent e) { list.add(e); return this; }
        List<ObservedEvent> get() { return list; }
    }

    private static Events events() {
        return new Events();
    }

    @Test
    void cleanStreamsPassWithAndWithoutScripts() {
        List<ObservedEvent> seen = events().start(A).tokens(A, SCRIPT).end(A)
                .start(B).tokens(B, SCRIPT.subList(0, 2)).cancelled(B).get();

        CheckReport structural = StreamInvariantChecker.structural().check(seen);
        CheckReport scripted = StreamInvariantChecker.expectingTokens(SCRIPT, SCRIPT).check(seen);

        assertThat(structural.isClean()).as(structural.describe()).isTrue();
        assertThat(scripted.isClean()).as(scripted.describe()).isTrue();
        assertThat(scripted.streams()).containsExactly(A, B);
        assertThat(scripted.events()).isEqualTo(seen.size());
    }

    @Test
    void failedStreamWithNoTokensIsClean() {
        CheckReport report = StreamInvariantChecker.expectingTokens(SCRIPT).check(events().start(A).error(A).get());

        assertThat(report.isClean()).as(report.describe()).isTrue();
    }

    @Test
    void tokenBeforeStartIsCaught() {
        List<ObservedEvent> seen = events().token(A, "I'm").start(A).end(A).get();

        CheckReport report = StreamInvariantChecker.structural().check(seen);

        assertThat(report.violationsOf(Rule.START_NOT_FIRST)).singleElement()
                .satisfies(v -> assertThat(v.event()).isEqualTo(seen.get(0)));
    }

    @Test
    void terminalWithoutStartIsCaught() {
        CheckReport report = StreamInvariantChecker.structural().check(events().end(A).get());

        assertThat(report.violationsOf(Rule.START_NOT_FIRST)).hasSize(1);
    }

    @Test
    void tokenAfterEndIsCaught() {
        List<ObservedEvent> seen = events().start(A).token(A, "I'm").end(A).token(A, " late").get();

        CheckReport report = StreamInvariantChecker.structural().check(seen);

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(Rule.EVENT_AFTER_TERMINAL);
            assertThat(v.event().token()).isEqualTo(" late");
            assertThat(v.detail()).contains("stream_end at #3");
        });
    }

    @Test
    void secondTerminalIsCaught() {
        List<ObservedEvent> seen = events().start(A).cancelled(A).end(A).get();

        CheckReport report = StreamInvariantChecker.structural().check(seen);

        assertThat(report.violations()).extracting(Violation::rule).containsExactly(Rule.EVENT_AFTER_TERMINAL);
        assertThat(report.violations().get(0).event()).isEqualTo(seen.get(2));
    }

    @Test
    void missingTerminalIsCaughtAtTheLastEvent() {
        List<ObservedEvent> seen = events().start(A).token(A, "I'm").get();

        CheckReport report = StreamInvariantChecker.structural().check(seen);

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(Rule.MISSING_TERMINAL);
            assertThat(v.event()).isEqualTo(seen.get(1));
        });
    }

    @Test
    void reusedStreamIdIsCaught() {
        List<ObservedEvent> seen = events().start(A).end(A).start(A).end(A).get();

        CheckReport report = StreamInvariantChecker.structural().check(seen);

        assertThat(report.violationsOf(Rule.STREAM_ID_REUSED)).singleElement()
                .satisfies(v -> assertThat(v.event().position()).isEqualTo(3));
    }

    @Test
    void duplicateStartIsCaughtAsReuse() {
        CheckReport report = StreamInvariantChecker.structural().check(events().start(A).start(A).end(A).get());

        assertThat(report.violations()).extracting(Violation::rule).containsExactly(Rule.STREAM_ID_REUSED);
    }

    @Test
    void nonUuidStreamIdIsCaught() {
        CheckReport upper = StreamInvariantChecker.structural().check(events().start(A.toUpperCase()).end(A.toUpperCase()).get());
        CheckReport junk = StreamInvariantChecker.structural().check(events().start("stream-1").end("stream-1").get());

        assertThat(upper.violations()).extracting(Violation::rule).containsExactly(Rule.INVALID_STREAM_ID);
        assertThat(junk.violations()).extracting(Violation::rule).containsExactly(Rule.INVALID_STREAM_ID);
    }

    @Test
    void malformedEventIsCaught() {
        ObservedEvent noToken = new ObservedEvent(2, "token", A, null, null, "'token' is missing");
        ObservedEvent noId = new ObservedEvent(3, "token", null, "x", null, "'stream_id' is missing");

        CheckReport report = StreamInvariantChecker.structural().check(events().start(A).raw(noToken).raw(noId).end(A).get());

        assertThat(report.violationsOf(Rule.MALFORMED_EVENT)).extracting(Violation::event).containsExactly(noToken, noId);
    }

    @Test
    void lostTokenIsCaught() {
        List<String> missingOne = List.of("I'm", " a", " program", "?");

        CheckReport report = StreamInvariantChecker.expectingTokens(SCRIPT).check(events().start(A).tokens(A, missingOne).end(A).get());

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(Rule.TOKEN_LOST);
            assertThat(v.event().type()).isEqualTo("stream_end");
            assertThat(v.detail()).contains("1 of 5").contains("#2 \" just\"");
        });
    }

    @Test
    void lostTailWithoutTerminalIsCaughtAsBoth() {
        CheckReport report = StreamInvariantChecker.expectingTokens(SCRIPT)
                .check(events().start(A).tokens(A, SCRIPT.subList(0, 2)).get());

        assertThat(report.violations()).extracting(Violation::rule)
                .containsExactlyInAnyOrder(Rule.MISSING_TERMINAL, Rule.TOKEN_LOST);
        assertThat(report.violationsOf(Rule.TOKEN_LOST).get(0).detail()).contains("3 of 5").contains("from script position 3");
    }

    @Test
    void duplicatedTokenIsCaught() {
        List<String> twice = List.of("I'm", " just", " just", " a", " program", "?");

        CheckReport report = StreamInvariantChecker.expectingTokens(SCRIPT).check(events().start(A).tokens(A, twice).end(A).get());

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(Rule.TOKEN_DUPLICATED);
            assertThat(v.event().position()).isEqualTo(4);
        });
    }

    @Test
    void reorderedTokensAreCaught() {
        List<String> swapped = List.of("I'm", " a", " just", " program", "?");

        CheckReport report = StreamInvariantChecker.expectingTokens(SCRIPT).check(events().start(A).tokens(A, swapped).end(A).get());

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(Rule.TOKEN_REORDERED);
            assertThat(v.event().token()).isEqualTo(" just");
        });
    }

    @Test
    void reorderInsideCancelledStreamIsCaught() {
        List<String> swapped = List.of(" just", "I'm");

        CheckReport report = StreamInvariantChecker.expectingTokens(SCRIPT).check(events().start(A).tokens(A, swapped).cancelled(A).get());

        assertThat(report.violations()).extracting(Violation::rule).containsExactly(Rule.TOKEN_REORDERED);
    }

    @Test
    void lossInsideCancelledStreamIsCaught() {
        CheckReport report = StreamInvariantChecker.expectingTokens(SCRIPT)
                .check(events().start(A).token(A, "I'm").token(A, " a").cancelled(A).get());

        assertThat(report.violations()).extracting(Violation::rule).containsExactly(Rule.TOKEN_LOST);
    }

    @Test
    void changedTextIsCaught() {
        List<String> changed = List.of("I'm", " just", " a", " programme", "?");

        CheckReport byTokens = StreamInvariantChecker.expectingTokens(SCRIPT).check(events().start(A).tokens(A, changed).end(A).get());
        CheckReport byText = StreamInvariantChecker.expecting(List.of(ExpectedScript.ofText("I'm just a program?")))
                .check(events().start(A).tokens(A, changed).end(A).get());

        assertThat(byTokens.violations()).extracting(Violation::rule).contains(Rule.TEXT_MISMATCH);
        assertThat(byText.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(Rule.TEXT_MISMATCH);
            assertThat(v.event().token()).isEqualTo(" programme");
            assertThat(v.detail()).contains("character 18");
        });
    }

    @Test
    void rechunkedTokensWithTheSameTextAreClean() {
        CheckReport report = StreamInvariantChecker.expectingTokens(SCRIPT)
                .check(events().start(A).token(A, "I'm just").tokens(A, SCRIPT.subList(2, 5)).end(A).get());

        assertThat(report.isClean()).as(report.describe()).isTrue();
    }

    @Test
    void moreStreamsThanScriptsIsCaught() {
        CheckReport report = StreamInvariantChecker.expectingTokens(SCRIPT)
                .check(events().start(A).tokens(A, SCRIPT).end(A).start(B).end(B).get());

        assertThat(report.violations()).extracting(Violation::rule).containsExactly(Rule.UNEXPECTED_STREAM);
    }

    @Test
    void interleavedStreamsAreCheckedIndependently() {
        List<ObservedEvent> seen = events().start(A).start(B).token(A, "I'm").token(B, "I'm").cancelled(A)
                .tokens(B, SCRIPT.subList(1, 5)).end(B).get();

        CheckReport report = StreamInvariantChecker.expectingTokens(SCRIPT, SCRIPT).check(seen);

        assertThat(report.isClean()).as(report.describe()).isTrue();
    }

    @Test
    void violationsAreReportedInEventOrderWithTheirEvent() {
        List<ObservedEvent> seen = events().token(A, "x").start(B).end(B).end(B).get();

        CheckReport report = StreamInvariantChecker.structural().check(seen);

        assertThat(report.violations()).extracting(v -> v.event().position()).isSorted();
        assertThat(report.describe()).contains("START_NOT_FIRST at #1 token").contains("EVENT_AFTER_TERMINAL at #4 stream_end");
    }

    @Test
    void unusedStaticFactoriesBuildTheirTypes() {
        assertThat(start(1, A).type()).isEqualTo("stream_start");
        assertThat(token(2, A, "t").isTerminal()).isFalse();
        assertThat(end(3, A).isTerminal()).isTrue();
        assertThat(cancelled(4, A).isTerminal()).isTrue();
        assertThat(error(5, A, "e").toPayload()).containsEntry("error", "e").containsKeys("type", "stream_id");
    }
}
