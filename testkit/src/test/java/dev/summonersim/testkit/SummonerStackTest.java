package dev.summonersim.testkit;

import dev.summonersim.llmstub.LlmStub;
import dev.summonersim.relay.RelayServer;
import dev.summonersim.relay.RelayServerConfig;
import dev.summonersim.sdk.events.StreamEnd;
import dev.summonersim.sdk.events.StreamEvent;
import dev.summonersim.sdk.events.StreamStart;
import dev.summonersim.sdk.events.Token;
import dev.summonersim.sdk.protocol.RelayMessage;
import dev.summonersim.testkit.check.ObservedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.summonersim.testkit.assertions.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(120)
class SummonerStackTest {

    @RegisterExtension
    final SummonerStack stack = SummonerStack.create();

    @Test
    void relaysBetweenRecordingClientsOnAFreePort() {
        RelayServer relay = stack.relay();
        assertThat(relay.port()).isPositive();
        relay.awaitReady(Duration.ofSeconds(1));
        RecordingClient alice = stack.client("alice");
        RecordingClient bob = stack.client("bob");

        alice.send("hi");

        RecordingClient.Received received = bob.next(Duration.ofSeconds(30));
        assertThat(received.message()).isEqualTo(new RelayMessage(alice.address(), "hi"));
    }

    @Test
    void stubServesTheOpenAiPath() {
        LlmStub stub = stack.stub();
        stub.awaitReady(Duration.ofSeconds(1));
        assertThat(stub.baseUrl()).startsWith("http://127.0.0.1:").endsWith("/v1");
    }

    @Test
    void eventsAreTakenTypedAndCheckedByTheAssertions() {
        RecordingClient agent = stack.client("agent");
        RecordingClient listener = stack.client("listener");
        String id = UUID.randomUUID().toString();
        agent.send("a prompt from someone else");
        agent.send(new StreamStart(id).toPayload());
        agent.send(new Token(id, "null").toPayload());
        agent.send(new StreamEnd(id).toPayload());

        assertThat(listener.awaitEvent()).isEqualTo(new StreamStart(id));
        List<StreamEvent> rest = listener.eventsThroughTerminalOf(id);

        assertThat(rest).containsExactly(new Token(id, "null"), new StreamEnd(id));
        assertThat(listener.passedOver()).hasSize(1);
        List<ObservedEvent> observed = new ArrayList<>();
        observed.add(ObservedEvent.start(1, id));
        observed.add(ObservedEvent.token(2, id, "null"));
        observed.add(ObservedEvent.end(3, id));
        assertThat(observed).satisfiesStreamInvariants().hasStreamCount(1).carriesTokens(List.of("null"));
    }

    @Test
    void streamAssertionsFailWithTheCheckersReport() {
        String id = UUID.randomUUID().toString();
        List<ObservedEvent> tokenAfterEnd = List.of(ObservedEvent.start(1, id), ObservedEvent.end(2, id),
                ObservedEvent.token(3, id, "late"));

        assertThatThrownBy(() -> assertThat(tokenAfterEnd).satisfiesStreamInvariants())
                .hasMessageContaining("EVENT_AFTER_TERMINAL");
        assertThatThrownBy(() -> assertThat(List.<ObservedEvent>of()).satisfiesStreamInvariants())
                .hasMessageContaining("there were none");
    }

    @Test
    void restartedRelayListensOnTheSamePort() {
        int port = stack.relay().port();
        RelayServer restarted = stack.restartRelay(b -> b);
        assertThat(restarted.port()).isEqualTo(port);
        assertThat(stack.relay()).isSameAs(restarted);
    }

    @Test
    void closedComponentsSayWhyTheyAreNotReady() {
        RelayServer relay = RelayServer.start(RelayServerConfig.forTesting());
        relay.awaitReady(Duration.ofSeconds(1));
        relay.close();
        assertThatThrownBy(() -> relay.awaitReady(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("relay server is closed");
        LlmStub stub = LlmStub.start();
        stub.awaitReady(Duration.ofSeconds(1));
        stub.close();
        assertThatThrownBy(() -> stub.awaitReady(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("llm-stub is closed");
    }

    @Test
    void aMessageNobodyTookFailsTheTest() {
        TestExecutionSummary summary = JUnitRun.run(LeavesAMessage.class);
        assertThat(summary.getTotalFailureCount()).isEqualTo(1);
        assertThat(JUnitRun.failures(summary)).contains("client bob: unexpected message #1");
    }

    @Test
    void aFixtureThreadErrorFailsTheTestOnTheTestThread() {
        TestExecutionSummary summary = JUnitRun.run(FixtureThreadFails.class);
        assertThat(summary.getTotalFailureCount()).isEqualTo(1);
        assertThat(JUnitRun.failures(summary)).contains("fixture thread feeder failed").contains("boom");
    }

    @Test
    void everythingClosesInReverseOrderAfterEachTest() {
        CloseOrder.closed.clear();
        TestExecutionSummary summary = JUnitRun.run(CloseOrder.class);
        assertThat(summary.getTestsSucceededCount()).as(JUnitRun.failures(summary)).isEqualTo(1);
        assertThat(CloseOrder.closed).containsExactly("agent closed, relay running: true");
        assertThat(CloseOrder.relay.isRunning()).isFalse();
    }

    @EnabledIf("dev.summonersim.testkit.JUnitRun#isFixtureRun")
    static class LeavesAMessage {
        @RegisterExtension
        final SummonerStack stack = SummonerStack.create();

        @Test
        void sendsButNobodyTakes() {
            RecordingClient alice = stack.client("alice");
            RecordingClient bob = stack.client("bob");
            alice.send("unread");
            Eventually.eventually("bob received").until(() -> bob.waiting() == 1);
        }
    }

    @EnabledIf("dev.summonersim.testkit.JUnitRun#isFixtureRun")
    static class FixtureThreadFails {
        @RegisterExtension
        final SummonerStack stack = SummonerStack.create();

        @Test
        void backgroundThrows() throws Exception {
            stack.background("feeder", () -> {
                throw new IllegalStateException("boom");
            }).exceptionally(e -> null).get();
        }
    }

    @EnabledIf("dev.summonersim.testkit.JUnitRun#isFixtureRun")
    static class CloseOrder {
        static final List<String> closed = new ArrayList<>();
        static RelayServer relay;

        @RegisterExtension
        final SummonerStack stack = SummonerStack.create();

        @Test
        void ownsAnAgentAfterTheRelay() {
            relay = stack.relay();
            stack.own(() -> closed.add("agent closed, relay running: " + relay.isRunning()));
        }
    }
}
