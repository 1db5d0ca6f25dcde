package dev.summonersim.harness.scenarios;

import dev.summonersim.agent.input.ExitStatus;
import dev.summonersim.testkit.check.CheckReport;
import dev.summonersim.testkit.check.ObservedEvent;
import dev.summonersim.testkit.check.StreamInvariantChecker;
import dev.summonersim.testkit.Eventually;
import dev.summonersim.harness.fixtures.InputAgentRun;
import dev.summonersim.harness.fixtures.LogCapture;
import dev.summonersim.harness.fixtures.Scenario;
import dev.summonersim.harness.fixtures.ScenarioExtension;
import dev.summonersim.llmstub.StubScripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.summonersim.testkit.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 1: the seed README's walkthrough, relay + StreamAgent_1 + InputAgent, checked end to end. */
@ExtendWith(ScenarioExtension.class)
@Timeout(120)
class WalkthroughScenarioTest {

    private static final String PROMPT = "How are you?";

    @Test
    void howAreYouStreamsTheStubScriptUnderOneStreamId(Scenario scenario) {
        LogCapture agentLog = scenario.own(LogCapture.of("StreamAgent_1"));
        scenario.relay();
        scenario.streamAgent();

        InputAgentRun input = scenario.inputAgent("InputAgent", List.of(PROMPT), 1);

        assertThat(input.awaitExit(Eventually.PATIENCE)).as(input.failureReason()).isEqualTo(ExitStatus.DONE);
        List<ObservedEvent> events = input.events();
        CheckReport report = StreamInvariantChecker.expectingTokens(StubScripts.tokensFor(PROMPT)).check(events);
        assertThat(report.isClean()).as(report.describe()).isTrue();
        assertThat(report.streams()).hasSize(1);
        String id = report.streams().get(0);
        assertThat(events).first().extracting(ObservedEvent::type).isEqualTo("stream_start");
        assertThat(events).last().extracting(ObservedEvent::type).isEqualTo("stream_end");
        assertThat(events).hasSize(StubScripts.tokensFor(PROMPT).size() + 2);
        // What the user sees, byte for byte, for the first and last event (seed README, step 3).
        assertThat(input.display())
                .contains("\r[Received] {'type': 'stream_start', 'stream_id': '" + id + "'}\n> ")
                .contains("\r[Received] {'type': 'token', 'stream_id': '" + id + "', 'token': \"I'm\"}\n> ")
                .endsWith("\r[Received] {'type': 'stream_end', 'stream_id': '" + id + "'}\n> ");
        // Seed README, step 4: the agent's log line for the prompt.
        eventually("StreamAgent_1 logs the prompt").until(() -> agentLog.anyMatches(
                "INFO - Triggering LLM streaming for remote_addr=127\\.0\\.0\\.1:\\d+ prompt='How are you\\?'"));
    }
}
