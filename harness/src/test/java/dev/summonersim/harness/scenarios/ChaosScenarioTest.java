package dev.summonersim.harness.scenarios;

import dev.summonersim.testkit.check.CheckReport;
import dev.summonersim.testkit.check.EventSources;
import dev.summonersim.testkit.check.ObservedEvent;
import dev.summonersim.testkit.check.Rule;
import dev.summonersim.testkit.check.StreamInvariantChecker;
import dev.summonersim.testkit.RecordingClient;
import dev.summonersim.harness.fixtures.Scenario;
import dev.summonersim.harness.fixtures.ScenarioExtension;
import dev.summonersim.llmstub.StubScripts;
import dev.summonersim.relay.RelayRunOptions;
import dev.summonersim.relay.chaos.ChaosSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.summonersim.testkit.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 8: a relay that deliberately reorders, drops or duplicates frames. The checker must report each fault
 * as what it is; otherwise a green scenario would prove nothing. Seeds make every run identical.
 */
@ExtendWith(ScenarioExtension.class)
@Timeout(120)
class ChaosScenarioTest {

    private static final String PROMPT = "#stub:tokens=120 #stub:delay=2 a long stream";

    @TempDir
    Path dir;

    @Test
    void reorderedFramesAreReportedAsReordering(Scenario scenario) {
        CheckReport report = runThroughChaos(scenario, "reorder=0.15,seed=7");

        assertThat(report.violationsOf(Rule.TOKEN_REORDERED)).as(report.describe()).isNotEmpty();
        assertThat(report.violationsOf(Rule.TOKEN_LOST)).as(report.describe()).isEmpty();
        assertThat(report.violationsOf(Rule.TOKEN_DUPLICATED)).as(report.describe()).isEmpty();
    }

    @Test
    void droppedFramesAreReportedAsLoss(Scenario scenario) {
        CheckReport report = runThroughChaos(scenario, "drop=0.1,seed=7");

        assertThat(report.violationsOf(Rule.TOKEN_LOST)).as(report.describe()).isNotEmpty();
        assertThat(report.violationsOf(Rule.TOKEN_REORDERED)).as(report.describe()).isEmpty();
        assertThat(report.violationsOf(Rule.TOKEN_DUPLICATED)).as(report.describe()).isEmpty();
    }

    @Test
    void duplicatedFramesAreReportedAsDuplicates(Scenario scenario) {
        CheckReport report = runThroughChaos(scenario, "dup=0.1,seed=7");

        assertThat(report.violationsOf(Rule.TOKEN_DUPLICATED)).as(report.describe()).isNotEmpty();
        assertThat(report.violationsOf(Rule.TOKEN_LOST)).as(report.describe()).isEmpty();
        assertThat(report.violationsOf(Rule.TOKEN_REORDERED)).as(report.describe()).isEmpty();
    }

    @Test
    void withoutChaosTheSameStreamIsClean(Scenario scenario) {
        CheckReport report = runThroughChaos(scenario, null);

        assertThat(report.isClean()).as(report.describe()).isTrue();
    }

    /**
     * Sends the prompt, waits until the relay's record shows the agent's stream_end arrived (whatever chaos then did
     * to it), lets held or duplicated frames come through, and checks what the user saw.
     */
    private CheckReport runThroughChaos(Scenario scenario, String chaos) {
        Path record = dir.resolve("record.jsonl");
        scenario.relay(relay -> relay,
                RelayRunOptions.builder().recordFile(record).chaos(chaos == null ? null : ChaosSpec.parse(chaos)).build());
        scenario.streamAgent();
        RecordingClient user = scenario.client("user");

        user.send(PROMPT);
        eventually("the agent's stream_end reached the relay").until(() -> streamEnded(record));
        List<ObservedEvent> seen = new ArrayList<>();
        // Held (reorder) frames are released within 100 ms; 500 ms of silence means nothing more is coming.
        user.drain(Duration.ofMillis(500)).forEach(r -> r.event().ifPresent(seen::add));

        CheckReport report = StreamInvariantChecker.expectingTokens(StubScripts.tokensFor(PROMPT)).check(seen);
        Set<Rule> possible = EnumSet.of(Rule.TOKEN_REORDERED, Rule.TOKEN_LOST, Rule.TOKEN_DUPLICATED,
                Rule.START_NOT_FIRST, Rule.EVENT_AFTER_TERMINAL, Rule.MISSING_TERMINAL, Rule.STREAM_ID_REUSED);
        assertThat(report.violations()).as(report.describe()).allSatisfy(v -> assertThat(possible).contains(v.rule()));
        return report;
    }

    private static boolean streamEnded(Path record) throws Exception {
        return Files.exists(record) && EventSources.fromRecord(Files.readString(record)).stream()
                .anyMatch(e -> e.type().equals("stream_end"));
    }
}
