package dev.summonersim.harness.scenarios;

import static dev.summonersim.testkit.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.harness.fixtures.LaunchedProcess;
import dev.summonersim.harness.fixtures.Scenario;
import dev.summonersim.harness.fixtures.ScenarioExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13 §6: SIGTERM to bin/scenario stops the relay and the stream agent and is passed on to the input agent,
 * without waiting for the input agent to end on its own (here it would wait for input forever: its stdin stays open).
 */
@ExtendWith(ScenarioExtension.class)
@Timeout(180)
class ScenarioScriptSignalIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration STOP = Duration.ofSeconds(30);

    @Test
    void sigtermStopsEverythingWithoutWaitingForTheInputAgent(Scenario scenario) {
        LaunchedProcess.requireRunnableJars("server-sim", "stream-agent", "input-agent");
        String logs = LaunchedProcess.repositoryRoot().resolve("harness/target/it-logs/scenario-sigterm").toString();
        LaunchedProcess script = scenario.own(LaunchedProcess.startWithOpenStdin("scenario-sigterm",
                List.of("bin/scenario", "--port", "0"), Map.of("SCENARIO_LOG_DIR", logs),
                List.of("OPENAI_API_KEY", "OPENAI_BASE_URL")));
        script.awaitOutput("\\[scenario\\] relay on 127\\.0\\.0\\.1:\\d+, stream agent connected", START);
        List<ProcessHandle> tree = script.processTree();
        eventually("the relay, the stream agent and the input agent are running").atMost(START)
                .until(() -> script.processTree().stream().filter(p -> commandOf(p).contains("-all.jar")).count() == 3);
        tree = script.processTree();

        script.signal("TERM");

        assertThat(script.awaitExit(STOP)).as("bin/scenario exit code; output:\n" + script.printableOutput()).isEqualTo(143);
        assertThat(script.output()).contains("[scenario] stopped the relay and the stream agent");
        List<ProcessHandle> children = tree.subList(1, tree.size());
        eventually("every process bin/scenario started has ended").atMost(STOP)
                .until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
    }

    private static String commandOf(ProcessHandle p) {
        return p.info().commandLine().orElse("");
    }
}
