package dev.summonersim.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.summonersim.llmstub.LlmStub;
import dev.summonersim.relay.RelayServer;
import dev.summonersim.relay.RelayServerConfig;
import dev.summonersim.sdk.readme.ReadmeSnippet;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Java example of stream-agent/README.md: compiled and run here, and the README shows exactly this text. */
class ReadmeExampleTest {

    @Test
    void exampleStartsAnAgentThatConnects() {
        // awaitReady throws when the agent does not connect: the example passing is the assertion.
        assertThatCode(() -> {
        // readme-example:begin
        try (RelayServer relay = RelayServer.start(RelayServerConfig.forTesting());
             LlmStub stub = LlmStub.start();
             StreamAgent agent = StreamAgent.start(StreamAgentConfig.builder().port(relay.port())
                     .llm(l -> l.baseUrl(stub.baseUrl()).apiKey("k").maxRetries(0)).build())) {
            agent.awaitReady(Duration.ofSeconds(5)); // throws with the reason when it does not connect
            // every prompt a peer sends through the relay is now answered with a streamed reply
        }
        // readme-example:end
        }).doesNotThrowAnyException();
    }

    @Test
    void readmeShowsExactlyThisExample() {
        assertThat(ReadmeSnippet.javaBlocks(Path.of("README.md"))).contains(ReadmeSnippet.markedExample(
                Path.of("src/test/java/dev/summonersim/agent/stream/ReadmeExampleTest.java")));
    }
}
