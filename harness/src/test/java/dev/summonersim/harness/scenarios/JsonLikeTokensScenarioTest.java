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

/** Scenario 4: token texts that look like JSON (null, " 42", true, {}) arrive as the same text (no Q3 re-parsing). */
@ExtendWith(ScenarioExtension.class)
@Timeout(120)
class JsonLikeTokensScenarioTest {

    private static final String PROMPT = "#stub:json-like";

    @Test
    void jsonLikeTokensSurviveOnTheWireAndOnScreen(Scenario scenario) {
        scenario.relay();
        scenario.streamAgent();
        RecordingClient wire = scenario.client("wire");
        InputAgentRun screen = scenario.inputAgent("InputAgent", List.of(), 1);
        eventually("all three peers connected").until(() -> scenario.currentRelay().connectedClients() == 3);

        wire.send(PROMPT);
        List<ObservedEvent> onWire = wire.eventsUntilTerminals(1);

        assertThat(screen.awaitExit(Eventually.PATIENCE)).as(screen.failureReason()).isEqualTo(ExitStatus.DONE);
        StreamInvariantChecker checker = StreamInvariantChecker.expectingTokens(StubScripts.JSON_LIKE_TOKENS);
        CheckReport wireReport = checker.check(onWire);
        CheckReport screenReport = checker.check(screen.events());
        assertThat(wireReport.isClean()).as(wireReport.describe()).isTrue();
        assertThat(screenReport.isClean()).as(screenReport.describe()).isTrue();
        assertThat(onWire).filteredOn(e -> e.type().equals("token")).extracting(ObservedEvent::token)
                .containsExactlyElementsOf(StubScripts.JSON_LIKE_TOKENS)
                .contains("null", " 42", "true", "{}");
        // Python's str() of the event dict: the token stays a quoted string, never None/42/True.
        assertThat(screen.display()).contains("'token': 'null'}").contains("'token': ' 42'}")
                .contains("'token': 'true'}").contains("'token': '{}'}");
    }

    @Test
    void defaultReplyWithEmbeddedJsonLikeTokensIsExact(Scenario scenario) {
        scenario.relay();
        scenario.streamAgent();
        RecordingClient wire = scenario.client("wire");

        wire.send("Tell me something");
        List<ObservedEvent> events = wire.eventsUntilTerminals(1);

        CheckReport report = StreamInvariantChecker.expectingTokens(StubScripts.tokensFor("Tell me something")).check(events);
        assertThat(report.isClean()).as(report.describe()).isTrue();
        wire.assertExhausted();
    }
}
