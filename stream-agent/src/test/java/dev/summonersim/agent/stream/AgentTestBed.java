package dev.summonersim.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.relay.RelayServer;
import dev.summonersim.relay.RelayServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;

/**
 * A relay (server-sim, Rust flavour, no rate limit or inactivity cut) plus the agents and observers a test starts
 * on it; {@link #close()} stops them all.
 */
final class AgentTestBed implements AutoCloseable {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final RelayServer relay;
    private final List<AutoCloseable> started = new ArrayList<>();

    AgentTestBed() {
        this(UnaryOperator.identity());
    }

    AgentTestBed(UnaryOperator<RelayServerConfig.Builder> customize) {
        relay = RelayServer.start(customize.apply(RelayServerConfig.builder().port(0).rateLimitPerWindow(null)
                .clientTimeout(null)).build());
    }

    RelayServer relay() {
        return relay;
    }

    /** A unique agent name, so log assertions see only this test's agent. */
    static String uniqueName() {
        return "StreamAgentTest_" + NAMES.incrementAndGet();
    }

    /** Starts an agent on the relay (name unique, LLM retries 0) and waits until the relay has registered it. */
    StreamAgent startAgent(UnaryOperator<StreamAgentConfig.Builder> customize) {
        int before = relay.connectedClients();
        StreamAgentConfig.Builder builder = StreamAgentConfig.builder()
                .name(uniqueName())
                .host("127.0.0.1")
                .port(relay.port())
                .llmMaxRetries(0);
        StreamAgent agent = StreamAgent.start(customize.apply(builder).build());
        started.add(agent);
        agent.awaitReady(Duration.ofSeconds(20));
        awaitClients(before + 1);
        return agent;
    }

    RelayObserver connectObserver() {
        int before = relay.connectedClients();
        RelayObserver observer = RelayObserver.connect(relay.port());
        started.add(observer);
        awaitClients(before + 1);
        return observer;
    }

    private void awaitClients(int count) {
        Awaitility.await("relay registered " + count + " clients").atMost(Duration.ofSeconds(20))
                .until(() -> relay.connectedClients() >= count);
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop " + started.get(i), e);
            }
        }
        relay.close();
    }
}
