package dev.summonersim.agent.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.summonersim.agent.input.prompt.FixedPromptSource;
import dev.summonersim.agent.input.view.MessageView;
import dev.summonersim.agent.input.view.PlainScreen;
import dev.summonersim.agent.input.view.ReceivedLineFuzzSample;
import dev.summonersim.agent.input.view.ViewMode;
import dev.summonersim.testkit.ScriptedRelay;
import dev.summonersim.testkit.SummonerStack;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13 §5: a running input agent fed the fuzz's hostile lines (seeded, {@link ReceivedLineFuzzSample}) over a
 * real socket keeps running and shows the line that comes after them.
 */
@Timeout(120)
class HostileLinesKeepTheAgentRunningTest {
    private static final int LINES = 2_000;
    private static final long SEED = 20261201L;

    @ParameterizedTest
    @EnumSource(ViewMode.class)
    void theAgentShowsTheLineAfterThousandsOfHostileOnes(ViewMode mode) throws Exception {
        List<String> hostile = ReceivedLineFuzzSample.lines(LINES, SEED);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        try (ScriptedRelay server = ScriptedRelay.start()) {
            // exitAfterStreams keeps the agent receiving after its (empty) input ended.
            InputAgent agent = InputAgent.start(InputAgentSettings.builder()
                    .clientConfig(SummonerStack.failFastClientConfig()).port(server.port())
                    .view(mode).exitAfterStreams(1_000_000).build(),
                    new FixedPromptSource(List.of()),
                    MessageView.of(mode, new PlainScreen(stdout), Duration.ofMillis(20)));
            try {
                server.awaitClient(Duration.ofSeconds(20));
                StringBuilder burst = new StringBuilder();
                for (String line : hostile) {
                    burst.append(line.replace("\n", "")).append('\n');
                }
                burst.append("{\"remote_addr\": \"127.0.0.1:1\", \"content\": \"still here\"}\n");
                server.send(burst.toString());
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> stdout.toString(StandardCharsets.UTF_8).contains("[Received] still here"));
                assertThat(agent.exitStatus()).as("seed %d", SEED).isNotDone();
            } finally {
                agent.close();
            }
        }
    }
}
