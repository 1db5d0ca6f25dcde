package dev.summonersim.harness.scenarios;

import dev.summonersim.agent.stream.send.SendMode;
import dev.summonersim.testkit.check.CheckReport;
import dev.summonersim.testkit.check.ObservedEvent;
import dev.summonersim.testkit.check.StreamInvariantChecker;
import dev.summonersim.testkit.RecordingClient;
import dev.summonersim.harness.fixtures.Scenario;
import dev.summonersim.harness.fixtures.ScenarioExtension;
import dev.summonersim.llmstub.StubScripts;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 7: StreamAgent_1's polling sends and StreamAgent_0's timeout sends both deliver complete, ordered streams. */
@ExtendWith(ScenarioExtension.class)
@Timeout(120)
class SendModeScenarioTest {

    private static final String PROMPT = "#stub:tokens=150 #stub:delay=0 burst";

    @ParameterizedTest
    @EnumSource(SendMode.class)
    void everySendModeDeliversTheWholeStreamInOrder(SendMode mode, Scenario scenario) {
        scenario.relay();
        scenario.streamAgent(agent -> agent.name("StreamAgent_" + mode).send(s -> s.mode(mode)));
        RecordingClient user = scenario.client("user");

        user.send(PROMPT);
        List<ObservedEvent> seen = user.eventsUntilTerminals(1);

        CheckReport report = StreamInvariantChecker.expectingTokens(StubScripts.tokensFor(PROMPT)).check(seen);
        assertThat(report.isClean()).as(report.describe()).isTrue();
        assertThat(seen).last().extracting(ObservedEvent::type).isEqualTo("stream_end");
        user.assertExhausted();
    }
}
