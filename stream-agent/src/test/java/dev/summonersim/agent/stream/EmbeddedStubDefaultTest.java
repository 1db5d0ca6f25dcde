package dev.summonersim.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.summonersim.llmstub.StubScripts;
import dev.summonersim.sdk.events.StreamEnd;
import dev.summonersim.sdk.events.StreamEvent;
import dev.summonersim.sdk.events.Token;
import dev.summonersim.testkit.RecordingClient;
import dev.summonersim.testkit.SummonerStack;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** With no LLM configured the agent serves prompts from an in-process stub: zero set-up for the scenario. */
@Timeout(60)
class EmbeddedStubDefaultTest {

    @RegisterExtension
    final SummonerStack stack = SummonerStack.create();

    @Test
    void noKeyAndNoBaseUrlStartsTheEmbeddedStubSaysSoOnceAndStreamsItsDefaultReply() throws Exception {
        String name = TestAgents.uniqueName();
        Logger agentLog = (Logger) LoggerFactory.getLogger(name);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        agentLog.addAppender(logged);
        try {
            StreamAgent agent = TestAgents.start(stack, b -> b.name(name));
            assertThat(agent.embeddedStubUrl()).isPresent();
            String url = agent.embeddedStubUrl().orElseThrow();
            assertThat(URI.create(url).getHost()).isEqualTo("127.0.0.1");
            assertThat(url).endsWith("/v1");
            assertThat(agent.llmBaseUrl()).isEqualTo(url);
            assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                    .filteredOn(m -> m.contains("embedded LLM stub")).containsExactly(
                            "No OPENAI_API_KEY or OPENAI_BASE_URL set: using the embedded LLM stub at " + url);

            RecordingClient observer = stack.client("observer");
            observer.send("How are you?");
            String id = observer.awaitEvent().streamId();
            List<StreamEvent> events = observer.eventsThroughTerminalOf(id);
            assertThat(events.stream().filter(e -> e instanceof Token).map(e -> ((Token) e).token()).toList())
                    .isEqualTo(StubScripts.DEFAULT_TOKENS);
            assertThat(events.get(events.size() - 1)).isEqualTo(new StreamEnd(id));
        } finally {
            agentLog.detachAppender(logged);
        }
    }

    @Test
    void awaitReadyThrowsWithTheReasonWhenNoRelayListens() throws Exception {
        int deadPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        StreamAgent agent = stack.own(StreamAgent.start(StreamAgentConfig.builder().name(TestAgents.uniqueName())
                .client(SummonerStack.agentClientConfig()).host("127.0.0.1").port(deadPort)
                .llm(l -> l.baseUrl("http://127.0.0.1:9/v1")).build()));
        assertThatThrownBy(() -> agent.awaitReady(Duration.ofMillis(200)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not connect to the relay within 200 ms");
    }

    @Test
    void configuredEndpointDoesNotStartTheStub() {
        StreamAgent agent = TestAgents.start(stack, b -> b.llm(l -> l.baseUrl("http://127.0.0.1:9/v1")));
        assertThat(agent.embeddedStubUrl()).isEmpty();
        assertThat(agent.llmBaseUrl()).isEqualTo("http://127.0.0.1:9/v1");
        assertThat(agent.awaitTermination(Duration.ofMillis(10))).isFalse();
    }
}
