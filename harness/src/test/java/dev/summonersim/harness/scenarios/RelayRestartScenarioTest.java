package dev.summonersim.harness.scenarios;

import dev.summonersim.agent.input.ExitStatus;
import dev.summonersim.testkit.check.CheckReport;
import dev.summonersim.testkit.check.StreamInvariantChecker;
import dev.summonersim.testkit.Eventually;
import dev.summonersim.harness.fixtures.InputAgentRun;
import dev.summonersim.testkit.RecordingClient;
import dev.summonersim.harness.fixtures.Scenario;
import dev.summonersim.harness.fixtures.ScenarioExtension;
import dev.summonersim.llmstub.StubScripts;
import dev.summonersim.relay.RelayServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.summonersim.testkit.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 9: the relay restarts mid-session; the agents reconnect (200 ms retry delay) and the next prompt streams. */
@ExtendWith(ScenarioExtension.class)
@Timeout(120)
class RelayRestartScenarioTest {

    private static final String BEFORE = "How are you?";
    private static final String AFTER = "#stub:tokens=30 and after the restart?";

    @Test
    void agentsReconnectAfterARelayRestartAndTheNextPromptStreams(Scenario scenario) {
        RelayServer first = scenario.relay();
        scenario.streamAgent();
        InputAgentRun watcher = scenario.inputAgent("InputAgent", List.of(), 2);
        RecordingClient user = scenario.client("user");
        eventually("three peers connected").until(() -> first.connectedClients() == 3);
        user.send(BEFORE);
        user.eventsUntilTerminals(1);
        user.close();

        RelayServer second = scenario.restartRelay(relay -> relay);
        eventually("stream agent and input agent reconnected").until(() -> second.connectedClients() == 2);
        RecordingClient userAgain = scenario.client("user-again");
        userAgain.send(AFTER);
        CheckReport afterRestart = StreamInvariantChecker.expectingTokens(StubScripts.tokensFor(AFTER))
                .check(userAgain.eventsUntilTerminals(1));

        assertThat(afterRestart.isClean()).as(afterRestart.describe()).isTrue();
        assertThat(watcher.awaitExit(Eventually.PATIENCE)).as(watcher.failureReason()).isEqualTo(ExitStatus.DONE);
        CheckReport watched = StreamInvariantChecker
                .expectingTokens(StubScripts.tokensFor(BEFORE), StubScripts.tokensFor(AFTER)).check(watcher.events());
        assertThat(watched.isClean()).as(watched.describe()).isTrue();
        assertThat(second.port()).isEqualTo(first.port());
    }
}
