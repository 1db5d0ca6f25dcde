package dev.summonersim.harness.scenarios;

import dev.summonersim.testkit.check.CheckReport;
import dev.summonersim.testkit.check.ObservedEvent;
import dev.summonersim.testkit.check.StreamInvariantChecker;
import dev.summonersim.testkit.RecordingClient;
import dev.summonersim.harness.fixtures.Scenario;
import dev.summonersim.harness.fixtures.ScenarioExtension;
import dev.summonersim.llmstub.StubScripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 2: a second prompt mid-stream cancels the first stream cleanly (the reference crashes here, Q1). */
@ExtendWith(ScenarioExtension.class)
@Timeout(120)
class CancellationScenarioTest {

    private static final String SLOW = "#stub:tokens=200 #stub:delay=50 tell me a long story";
    private static final String SECOND = "How are you?";

    @Test
    void secondPromptCancelsTheFirstStreamAndStreamsCompletely(Scenario scenario) {
        scenario.relay();
        scenario.streamAgent();
        RecordingClient user = scenario.client("user");

        user.send(SLOW);
        List<ObservedEvent> before = firstEvents(user, 4);
        user.send(SECOND);
        List<ObservedEvent> after = user.eventsUntilTerminals(2);

        List<ObservedEvent> all = new java.util.ArrayList<>(before);
        all.addAll(after);
        CheckReport report = StreamInvariantChecker.expectingTokens(StubScripts.tokensFor(SLOW), StubScripts.tokensFor(SECOND))
                .check(all);
        assertThat(report.isClean()).as(report.describe()).isTrue();
        assertThat(report.streams()).hasSize(2);
        String first = report.streams().get(0);
        String second = report.streams().get(1);
        int cancelledAt = indexOf(all, "stream_cancelled", first);
        assertThat(cancelledAt).as("stream_cancelled for the first stream").isGreaterThan(0);
        assertThat(indexOf(all, "stream_start", second)).as("second stream starts after the first is cancelled")
                .isGreaterThan(cancelledAt);
        assertThat(all).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo("stream_end");
            assertThat(e.streamId()).isEqualTo(second);
        });
        // No late token of the first stream after everything ended.
        assertThat(user.drain(Duration.ofMillis(500))).isEmpty();
    }

    private static List<ObservedEvent> firstEvents(RecordingClient client, int count) {
        List<ObservedEvent> events = new java.util.ArrayList<>();
        while (events.size() < count) {
            client.next(RecordingClient.DEFAULT_WAIT).event().ifPresent(events::add);
        }
        return events;
    }

    private static int indexOf(List<ObservedEvent> events, String type, String streamId) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).type().equals(type) && events.get(i).streamId().equals(streamId)) {
                return i;
            }
        }
        return -1;
    }
}
