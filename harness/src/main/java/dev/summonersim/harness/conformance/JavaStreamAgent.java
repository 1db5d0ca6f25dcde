package dev.summonersim.harness.conformance;

import dev.summonersim.agent.stream.StreamAgent;
import dev.summonersim.agent.stream.StreamAgentConfig;
import dev.summonersim.sdk.config.ClientConfig;

import java.time.Duration;

/**
 * Our own stream agent, in this JVM: what {@code bin/conformance} tests without {@code --agent-cmd}. It reads the
 * client config the kit wrote, as an external agent would, and streams from the kit's LLM stub.
 */
final class JavaStreamAgent implements AgentUnderTest {

    /** Short, so the stall fault ends in a stream_error well inside a scenario's budget. */
    static final Duration LLM_READ_TIMEOUT = Duration.ofSeconds(2);

    @Override
    public String description() {
        return "our Java stream agent (in-process, StreamAgent_1)";
    }

    @Override
    public LaunchedAgent launch(AgentSlot slot) {
        StreamAgentConfig config = StreamAgentConfig.builder()
                .name("StreamAgent_1")
                .client(ClientConfig.load(slot.configFile()))
                .host(slot.host())
                .port(slot.port())
                .llm(l -> l.baseUrl(slot.llmBaseUrl())
                        .apiKey(CommandAgent.DUMMY_API_KEY)
                        .maxRetries(0)
                        .readTimeout(LLM_READ_TIMEOUT))
                .build();
        return new Running(StreamAgent.start(config));
    }

    private static final class Running implements LaunchedAgent {
        private final StreamAgent handle;

        Running(StreamAgent handle) {
            this.handle = handle;
        }

        @Override
        public boolean isAlive() {
            return handle.isRunning();
        }

        @Override
        public String exitDescription() {
            return handle.isRunning() ? "still running" : "its client stopped";
        }

        @Override
        public String outputTail() {
            return "(in-process: its log lines are in this process's log)";
        }

        @Override
        public void close() {
            handle.close();
        }
    }
}
