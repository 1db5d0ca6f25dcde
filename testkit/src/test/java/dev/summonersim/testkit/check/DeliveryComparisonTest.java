package dev.summonersim.testkit.check;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryComparisonTest {

    private static final String ID = "9e1f0e19-fc9c-42e6-85a5-9f1cf9f92fb1";

    /** stream_start, tokens t0..t(n-1) (with a repeated "," to exercise occurrence matching), stream_end. */
    private static List<ObservedEvent> emitted(int tokens) {
        List<ObservedEvent> events = new ArrayList<>();
        events.add(ObservedEvent.start(1, ID));
        for (int i = 0; i < tokens; i++) {
            events.add(ObservedEvent.token(events.size() + 1, ID, i % 3 == 2 ? "," : " t" + i));
        }
        events.add(ObservedEvent.end(events.size() + 1, ID));
        return events;
    }

    @Test
    void identicalSequencesHaveNoDifferences() {
        assertThat(DeliveryComparison.compare(emitted(10), emitted(10))).isEmpty();
    }

    @Test
    void aLostEventIsReportedAtItsEmittedPosition() {
        List<ObservedEvent> sent = emitted(10);
        List<ObservedEvent> seen = new ArrayList<>(sent);
        seen.remove(4); // emitted #5

        assertThat(DeliveryComparison.compare(sent, seen)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DeliveryComparison.Kind.LOST);
            assertThat(d.emittedPosition()).isEqualTo(5);
            assertThat(d.receivedPosition()).isZero();
        });
    }

    @Test
    void aLostRepeatedTokenIsTheLastOccurrence() {
        List<ObservedEvent> sent = emitted(10);
        List<ObservedEvent> seen = new ArrayList<>(sent);
        seen.remove(3); // the first "," (emitted #4): the receiver's "," are then matched to the earlier emissions

        assertThat(DeliveryComparison.compare(sent, seen)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DeliveryComparison.Kind.LOST);
            assertThat(d.event().token()).isEqualTo(",");
        });
    }

    @Test
    void aDuplicateIsReportedAtTheSecondCopysArrival() {
        List<ObservedEvent> sent = emitted(10);
        List<ObservedEvent> seen = new ArrayList<>(sent);
        seen.add(6, sent.get(5)); // emitted #6 arrives again as the receiver's #7

        assertThat(DeliveryComparison.compare(sent, seen)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DeliveryComparison.Kind.DUPLICATED);
            assertThat(d.receivedPosition()).isEqualTo(7);
            assertThat(d.event()).isEqualTo(sent.get(5));
        });
    }

    @Test
    void aLateEventIsTheOneReportedAsReordered() {
        List<ObservedEvent> sent = emitted(10);
        List<ObservedEvent> seen = new ArrayList<>(sent);
        ObservedEvent late = seen.remove(2); // emitted #3 arrives after #8
        seen.add(7, late);

        assertThat(DeliveryComparison.compare(sent, seen)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DeliveryComparison.Kind.REORDERED);
            assertThat(d.emittedPosition()).isEqualTo(3);
            assertThat(d.receivedPosition()).isEqualTo(8);
        });
    }

    @Test
    void ofTwoSwappedEventsTheLaterArrivalIsReordered() {
        List<ObservedEvent> sent = emitted(10);
        List<ObservedEvent> seen = new ArrayList<>(sent);
        seen.set(4, sent.get(5)); // emitted #5 and #6 swap: #5 arrives late, as the receiver's #6
        seen.set(5, sent.get(4));

        assertThat(DeliveryComparison.compare(sent, seen)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DeliveryComparison.Kind.REORDERED);
            assertThat(d.emittedPosition()).isEqualTo(5);
            assertThat(d.receivedPosition()).isEqualTo(6);
        });
    }

    @Test
    void everythingLostWhenNothingArrived() {
        assertThat(DeliveryComparison.compare(emitted(3), List.of()))
                .extracting(DeliveryComparison.Discrepancy::emittedPosition).containsExactly(1, 2, 3, 4, 5);
    }
}
