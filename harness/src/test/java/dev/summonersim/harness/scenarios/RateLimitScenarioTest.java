package dev.summonersim.harness.scenarios;

import dev.summonersim.harness.fixtures.LogCapture;
import dev.summonersim.harness.fixtures.Scenario;
import dev.summonersim.harness.fixtures.ScenarioExtension;
import dev.summonersim.llmstub.StubScripts;
import dev.summonersim.sdk.protocol.RelayFlavour;
import dev.summonersim.testkit.RecordingClient;
import dev.summonersim.testkit.check.CheckReport;
import dev.summonersim.testkit.check.ObservedEvent;
import dev.summonersim.testkit.check.Rule;
import dev.summonersim.testkit.check.StreamInvariantChecker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.summonersim.testkit.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 6: the Rust relay's per-connection rate limit cuts a long token stream (the reference's quirk Q5). The
 * sender is told with the exact warning, and the checker names what receivers miss. With a high limit the same
 * stream is complete.
 */
@ExtendWith(ScenarioExtension.class)
@Timeout(120)
class RateLimitScenarioTest {

    private static final int LIMIT = 20;
    private static final int TOKENS = 50;
    private static final String PROMPT = "#stub:tokens=" + TOKENS + " long answer";
    private static final String WARNING_LOG = "WARN - [From Server] You are sending messages too quickly. Please slow down.";
    private static final Pattern REPEATED = Pattern.compile(" \\(repeated ([\\d,]+) more times? in [\\d.]+ s\\)");

    @Test
    void lowLimitCutsTheStreamWarnsTheSenderAndTheCheckerReportsTheMissingTail(Scenario scenario) {
        LogCapture agentLog = scenario.own(LogCapture.of("StreamAgent_1"));
        scenario.relay(relay -> relay.flavour(RelayFlavour.RUST)
                .rust(r -> r.rateLimitPerWindow(LIMIT).rateLimitWindow(Duration.ofMinutes(1))));
        scenario.streamAgent();
        RecordingClient user = scenario.client("user");

        user.send(PROMPT);
        int sent = TOKENS + 2;
        // The agent logs a run of identical warnings once, then as counted lines ("… (repeated N more times in 1.0 s)").
        eventually("one warning per line over the limit").until(() -> warningsCounted(agentLog) == sent - LIMIT);
        List<ObservedEvent> seen = new ArrayList<>();
        while (seen.size() < LIMIT) {
            user.next(RecordingClient.DEFAULT_WAIT).event().ifPresent(seen::add);
        }
        assertThat(user.drain(Duration.ofMillis(300))).as("nothing beyond the limit is relayed").isEmpty();

        CheckReport report = StreamInvariantChecker.expectingTokens(StubScripts.tokensFor(PROMPT)).check(seen);
        assertThat(report.violations()).extracting(v -> v.rule())
                .containsExactlyInAnyOrder(Rule.MISSING_TERMINAL, Rule.TOKEN_LOST);
        assertThat(report.violationsOf(Rule.TOKEN_LOST).get(0).detail())
                .startsWith((TOKENS - (LIMIT - 1)) + " of " + TOKENS + " script tokens never arrived, from script position " + LIMIT);
    }

    private static long warningsCounted(LogCapture log) {
        long counted = 0;
        for (String line : log.lines()) {
            int at = line.indexOf(WARNING_LOG);
            if (at >= 0) {
                Matcher repeated = REPEATED.matcher(line.substring(at + WARNING_LOG.length()));
                counted += repeated.lookingAt() ? Long.parseLong(repeated.group(1).replace(",", "")) : 1;
            }
        }
        return counted;
    }

    @Test
    void senderOverTheLimitGetsTheExactWarningLinePerDroppedLine(Scenario scenario) {
        scenario.relay(relay -> relay.flavour(RelayFlavour.RUST)
                .rust(r -> r.rateLimitPerWindow(3).rateLimitWindow(Duration.ofMinutes(1))));
        RecordingClient sender = scenario.client("sender");
        RecordingClient receiver = scenario.client("receiver");
        eventually("both peers registered").until(() -> scenario.currentRelay().connectedClients() == 2);

        for (int i = 1; i <= 5; i++) {
            sender.send("line " + i);
        }

        sender.assertNextText("Warning: You are sending messages too quickly. Please slow down.");
        sender.assertNextText("Warning: You are sending messages too quickly. Please slow down.");
        for (int i = 1; i <= 3; i++) {
            assertThat(receiver.next(RecordingClient.DEFAULT_WAIT).line()).contains("line " + i);
        }
        assertThat(receiver.drain(Duration.ofMillis(300))).isEmpty();
        sender.assertExhausted();
    }

    @Test
    void highLimitLetsTheSameStreamThrough(Scenario scenario) {
        LogCapture agentLog = scenario.own(LogCapture.of("StreamAgent_1"));
        scenario.relay(relay -> relay.flavour(RelayFlavour.RUST)
                .rust(r -> r.rateLimitPerWindow(1_000).rateLimitWindow(Duration.ofMinutes(1))));
        scenario.streamAgent();
        RecordingClient user = scenario.client("user");

        user.send(PROMPT);
        List<ObservedEvent> seen = user.eventsUntilTerminals(1);

        CheckReport report = StreamInvariantChecker.expectingTokens(StubScripts.tokensFor(PROMPT)).check(seen);
        assertThat(report.isClean()).as(report.describe()).isTrue();
        assertThat(agentLog.count(WARNING_LOG)).isZero();
    }
}
