package dev.summonersim.harness.scenarios;

import dev.summonersim.agent.input.ExitStatus;
import dev.summonersim.testkit.check.CheckReport;
import dev.summonersim.testkit.check.ObservedEvent;
import dev.summonersim.testkit.check.StreamInvariantChecker;
import dev.summonersim.testkit.Eventually;
import dev.summonersim.harness.fixtures.InputAgentRun;
import dev.summonersim.testkit.RecordingClient;
import dev.summonersim.harness.fixtures.Scenario;
import dev.summonersim.harness.fixtures.ScenarioExtension;
import dev.summonersim.llmstub.StubScripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.summonersim.testkit.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 5: two InputAgents see the same ordered stream, and a third peer that vanishes with a TCP reset
 * mid-stream disturbs nobody.
 */
@ExtendWith(ScenarioExtension.class)
@Timeout(120)
class FanOutScenarioTest {

    private static final String PROMPT = "#stub:tokens=80 #stub:delay=10 count for us";

    @Test
    void twoInputAgentsSeeTheSameStreamWhileAThirdPeerCrashes(Scenario scenario) {
        scenario.relay();
        scenario.streamAgent();
        InputAgentRun alice = scenario.inputAgent("InputAgent_A", List.of(), 1);
        InputAgentRun bob = scenario.inputAgent("InputAgent_B", List.of(), 1);
        RecordingClient crasher = scenario.client("crasher");
        RecordingClient user = scenario.client("user");
        eventually("all five peers connected").until(() -> scenario.currentRelay().connectedClients() == 5);

        user.send(PROMPT);
        for (int events = 0; events < 10; ) {
            if (crasher.next(RecordingClient.DEFAULT_WAIT).event().isPresent()) {
                events++;
            }
        }
        crasher.abort();
        List<ObservedEvent> userEvents = user.eventsUntilTerminals(1);

        assertThat(alice.awaitExit(Eventually.PATIENCE)).as(alice.failureReason()).isEqualTo(ExitStatus.DONE);
        assertThat(bob.awaitExit(Eventually.PATIENCE)).as(bob.failureReason()).isEqualTo(ExitStatus.DONE);
        StreamInvariantChecker checker = StreamInvariantChecker.expectingTokens(StubScripts.tokensFor(PROMPT));
        for (List<ObservedEvent> seen : List.of(alice.events(), bob.events(), userEvents)) {
            CheckReport report = checker.check(seen);
            assertThat(report.isClean()).as(report.describe()).isTrue();
        }
        assertThat(withoutPositions(alice.events())).isEqualTo(withoutPositions(bob.events()))
                .isEqualTo(withoutPositions(userEvents));
        // Left: the stream agent and the user (the input agents disconnect when they finish).
        eventually("the crashed peer and the finished input agents are gone")
                .until(() -> scenario.currentRelay().connectedClients() == 2);
        user.assertExhausted();
    }

    private static List<String> withoutPositions(List<ObservedEvent> events) {
        return events.stream().map(e -> e.type() + "|" + e.streamId() + "|" + e.token()).toList();
    }
}
