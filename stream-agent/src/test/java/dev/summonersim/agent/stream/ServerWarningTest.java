package dev.summonersim.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.summonersim.llmstub.LlmStub;
import dev.summonersim.llmstub.LlmStubConfig;
import dev.summonersim.testkit.RecordingClient;
import dev.summonersim.testkit.SummonerStack;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The relay's rate-limit Warning reaches the agent as a raw line and is logged the reference's way (Q5). */
@Timeout(60)
class ServerWarningTest {

    @RegisterExtension
    final SummonerStack stack = SummonerStack.create();

    @Test
    void rateLimitWarningIsLoggedAsFromServerAndTheAgentKeepsRunning() throws Exception {
        String name = TestAgents.uniqueName();
        Logger agentLog = (Logger) LoggerFactory.getLogger(name);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        agentLog.addAppender(logged);
        try {
            stack.relay(relay -> relay.rust(r -> r.rateLimitPerWindow(5)));
            LlmStub stub = stack.stub(LlmStubConfig.defaults());
            StreamAgent agent = TestAgents.start(stack, b -> b.name(name).llm(l -> l.baseUrl(stub.baseUrl()).apiKey("k")));
            RecordingClient observer = stack.client("observer");
            observer.send("#stub:tokens=10 #stub:delay=1");

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> logged.list.stream().anyMatch(e ->
                    e.getLevel() == Level.WARN && e.getFormattedMessage().equals(
                            "[From Server] You are sending messages too quickly. Please slow down.")));
            assertThat(agent.isRunning()).isTrue();
            // Only the first 5 events of the 12 passed the limit.
            for (int i = 0; i < 5; i++) {
                observer.awaitEvent();
            }
            observer.assertNoEventWithin(Duration.ofMillis(500));
        } finally {
            agentLog.detachAppender(logged);
        }
    }
}
