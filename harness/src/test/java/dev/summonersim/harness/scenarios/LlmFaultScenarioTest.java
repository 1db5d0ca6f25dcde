package dev.summonersim.harness.scenarios;

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
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 3: every LLM fault the stub can inject ends its stream with one stream_error, and the agent goes on. */
@ExtendWith(ScenarioExtension.class)
@Timeout(120)
class LlmFaultScenarioTest {

    private static final String NEXT = "How are you?";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"#stub:http=401", "#stub:http=429", "#stub:http=500", "#stub:http=503",
        "#stub:error-after=3", "#stub:reset-after=3", "#stub:truncate", "#stub:malformed-after=3", "#stub:stall"})
    void faultGivesOneStreamErrorThenTheNextPromptStreamsNormally(String directive, Scenario scenario) {
        scenario.relay();
        scenario.streamAgent(agent -> agent.llm(l -> l.maxRetries(0).readTimeout(Duration.ofSeconds(1))));
        RecordingClient user = scenario.client("user");
        String faulty = directive + " please fail";

        user.send(faulty);
        List<ObservedEvent> failed = user.eventsUntilTerminals(1);
        user.send(NEXT);
        List<ObservedEvent> normal = user.eventsUntilTerminals(1);

        assertThat(failed).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo("stream_error");
            assertThat(e.error()).isNotBlank();
        });
        List<ObservedEvent> all = new java.util.ArrayList<>(failed);
        all.addAll(normal);
        CheckReport report = StreamInvariantChecker.expectingTokens(StubScripts.tokensFor(faulty), StubScripts.tokensFor(NEXT))
                .check(all);
        assertThat(report.isClean()).as(report.describe()).isTrue();
        assertThat(all).filteredOn(e -> e.type().equals("stream_error")).hasSize(1);
        assertThat(normal).last().extracting(ObservedEvent::type).isEqualTo("stream_end");
        user.assertExhausted();
    }
}
