package dev.summonersim.agent.stream;

import dev.summonersim.relay.RelayServer;
import dev.summonersim.testkit.SummonerStack;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** Starts the agent under test on a {@link SummonerStack}'s relay; the stack closes it after the test. */
final class TestAgents {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private TestAgents() {
    }

    /** A unique agent name, so log assertions see only this test's agent. */
    static String uniqueName() {
        return "StreamAgentTest_" + NAMES.incrementAndGet();
    }

    /** An agent on the stack's relay (name unique, LLM retries 0), returned once the relay has registered it. */
    static StreamAgent start(SummonerStack stack, UnaryOperator<StreamAgentConfig.Builder> customize) {
        RelayServer relay = stack.relay();
        int before = relay.connectedClients();
        StreamAgentConfig.Builder builder = StreamAgentConfig.builder()
                .name(uniqueName())
                .host("127.0.0.1")
                .port(relay.port())
                .llm(l -> l.maxRetries(0));
        StreamAgent agent = stack.own(StreamAgent.start(customize.apply(builder).build()));
        agent.awaitReady(Duration.ofSeconds(20));
        stack.awaitRelayClients(before + 1);
        return agent;
    }
}
