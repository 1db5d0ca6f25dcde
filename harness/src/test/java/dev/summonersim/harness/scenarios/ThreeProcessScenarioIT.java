package dev.summonersim.harness.scenarios;

import dev.summonersim.testkit.check.CheckReport;
import dev.summonersim.testkit.check.EventSources;
import dev.summonersim.testkit.check.ObservedEvent;
import dev.summonersim.testkit.check.StreamInvariantChecker;
import dev.summonersim.harness.fixtures.LaunchedProcess;
import dev.summonersim.harness.fixtures.Scenario;
import dev.summonersim.harness.fixtures.ScenarioExtension;
import dev.summonersim.llmstub.StubScripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 10: the seed README's three terminals, as three separate JVMs started through the project's launchers
 * from the repository root with the shipped configs, exactly as a user would (the input agent in scripted mode).
 */
@ExtendWith(ScenarioExtension.class)
@Timeout(180)
class ThreeProcessScenarioIT {

    private static final String PROMPT = "How are you?";
    private static final Duration START = Duration.ofSeconds(60);
    /** The embedded stub must answer, not a real LLM a developer may have configured in the environment. */
    private static final List<String> LLM_ENV = List.of("OPENAI_API_KEY", "OPENAI_BASE_URL");

    @Test
    void serverStreamAgentAndInputAgentProcessesStreamTheAnswer(Scenario scenario) {
        LaunchedProcess.requireRunnableJars("server-sim", "stream-agent", "input-agent");
        LaunchedProcess server = scenario.own(LaunchedProcess.start("server", List.of("bin/server", "--port", "0"),
                Map.of(), List.of()));
        String port = server.awaitOutput("listening on 127\\.0\\.0\\.1:(\\d+)", START).group(1);
        LaunchedProcess agent = scenario.own(LaunchedProcess.start("stream-agent",
                List.of("bin/stream-agent", "--port", port), Map.of(), LLM_ENV));
        agent.awaitOutput("StreamAgent_1 - INFO - Connected to server", START);
        // The relay logs a peer once it is registered: from then on a prompt reaches the agent.
        server.awaitOutput("127\\.0\\.0\\.1:\\d+ connected\\.", START);

        LaunchedProcess input = scenario.own(LaunchedProcess.start("input-agent", List.of("bin/input-agent", "--port", port,
                "--send", PROMPT, "--exit-after-streams", "1", "--timeout-s", "90"), Map.of(), List.of()));
        int exit = input.awaitExit(Duration.ofSeconds(120));

        assertThat(exit).as("input-agent exit code; output:\n" + input.printableOutput()).isZero();
        List<ObservedEvent> events = EventSources.fromInputAgentOutput(input.output());
        CheckReport report = StreamInvariantChecker.expectingTokens(StubScripts.tokensFor(PROMPT)).check(events);
        assertThat(report.isClean()).as(report.describe()).isTrue();
        assertThat(report.streams()).hasSize(1);
        agent.awaitOutput("Triggering LLM streaming for remote_addr=127\\.0\\.0\\.1:\\d+ prompt='How are you\\?'", START);
        assertThat(server.isAlive()).isTrue();
        assertThat(agent.isAlive()).isTrue();
    }
}
