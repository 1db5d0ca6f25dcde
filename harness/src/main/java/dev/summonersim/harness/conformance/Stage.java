package dev.summonersim.harness.conformance;

import dev.summonersim.llmstub.LlmStub;
import dev.summonersim.llmstub.LlmStubConfig;
import dev.summonersim.relay.RelayRunOptions;
import dev.summonersim.relay.RelayServer;
import dev.summonersim.relay.RelayServerConfig;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Everything one scenario runs on: a fresh LLM stub, a fresh relay of ours on a free port (recording every frame),
 * the agent copies the scenario starts and the listeners it connects. Scenarios drive it; {@link #finish()} then
 * stops the agents, drains the relay and hands back what was recorded, so verdicts never race the traffic.
 */
final class Stage implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(10);

    private final AgentUnderTest agent;
    private final Path directory;
    private final Duration budget;
    private final LlmStub stub;
    private final UnaryOperator<RelayServerConfig.Builder> relaySetup;
    private final Map<String, LaunchedAgent> agents = new LinkedHashMap<>();
    private final Map<String, Listener> listeners = new LinkedHashMap<>();
    private final List<Path> records = new ArrayList<>();
    private RelayServer relay;
    private final RecordingProxy proxy;
    private boolean finished;

    /**
     * @param externalRelay null for a relay of our own; else the relay every client reaches through a recording
     *                      proxy (scenarios that restart or configure the relay cannot run then)
     */
    Stage(AgentUnderTest agent, Path directory, Duration budget, UnaryOperator<RelayServerConfig.Builder> relaySetup,
          InetSocketAddress externalRelay) throws IOException {
        this.agent = agent;
        this.directory = Files.createDirectories(directory);
        this.budget = budget;
        this.relaySetup = relaySetup;
        this.stub = LlmStub.start(LlmStubConfig.builder().ttft(Duration.ofMillis(20)).tokenDelay(Duration.ofMillis(5))
                .build());
        if (externalRelay == null) {
            this.proxy = null;
            this.relay = startRelay(0);
        } else {
            Path record = directory.resolve("proxy.jsonl");
            records.add(record);
            this.proxy = RecordingProxy.start(externalRelay, record);
        }
    }

    private RelayServer startRelay(int port) {
        Path record = directory.resolve("relay-" + (records.size() + 1) + ".jsonl");
        records.add(record);
        return RelayServer.start(relaySetup.apply(RelayServerConfig.forTesting().toBuilder().port(port)).build(),
                RelayRunOptions.builder().recordFile(record).build());
    }

    Duration budget() {
        return budget;
    }

    LlmStub stub() {
        return stub;
    }

    /**
     * Starts one copy of the agent and returns once the relay has registered one more client. Fails at once when
     * the agent exits first, and after the budget when it never connects.
     */
    LaunchedAgent startAgent(String label) throws IOException, AgentFailure {
        Path config = directory.resolve(label + "-client_config.json");
        ClientConfigFile.write(config, "127.0.0.1", relayAddress().getPort(), directory.resolve(label + "-logs"));
        int before = relayClients();
        LaunchedAgent launched;
        try {
            launched = agent.launch(new AgentSlot(label, config, "127.0.0.1", relayAddress().getPort(), stub.baseUrl(),
                directory.resolve(label + ".out")));
        } catch (IOException | RuntimeException e) {
            throw new AgentFailure(Findings.AGENT_EXITED, label + " could not be started: " + e.getMessage(), "", true);
        }
        agents.put(label, launched);
        try {
            awaitRegistered(label, before + 1);
        } catch (AgentFailure e) {
            throw new AgentFailure(e.rule(), e.getMessage(), e.tail(), true);
        }
        return launched;
    }

    Listener listener(String name) throws IOException, AgentFailure {
        int expected = relayClients() + 1;
        Listener listener = Listener.connect(name, relayAddress());
        listeners.put(name, listener);
        // a prompt sent before the relay registered the listener would still be relayed, but its own events would not
        // reach it: wait for the registration, as for the agent
        awaitUntil(() -> relayClients() >= expected);
        return listener;
    }

    InetSocketAddress relayAddress() {
        return proxy != null ? proxy.address() : new InetSocketAddress("127.0.0.1", relay.port());
    }

    int relayClients() {
        return proxy != null ? proxy.connectedClients() : relay.connectedClients();
    }

    /** Stops the relay and starts a new one on the same port, as a restarted server would. */
    void restartRelay() {
        if (proxy != null) {
            throw new IllegalStateException("an external relay cannot be restarted by the kit");
        }
        int port = relay.port();
        relay.close();
        relay = startRelay(port);
    }

    /** Waits until the agents (all of them) are registered at the (new) relay again. */
    void awaitAgentsRegistered() throws AgentFailure {
        awaitRegistered(String.join(", ", agents.keySet()), agents.size());
    }

    private void awaitRegistered(String label, int clients) throws AgentFailure {
        if (!awaitUntil(() -> relayClients() >= clients)) {
            LaunchedAgent a = agents.get(label);
            throw new AgentFailure(Findings.NOT_CONNECTED, label + " did not connect to the relay within "
                    + budget.toSeconds() + " s", a != null ? a.outputTail() : "", false);
        }
    }

    /**
     * Waits for a condition within the scenario's budget; false when the budget ran out (the verdict then says what
     * is missing). Throws at once when an agent exited.
     */
    boolean await(BooleanSupplier condition) throws AgentFailure {
        return awaitUntil(condition);
    }

    private boolean awaitUntil(BooleanSupplier condition) throws AgentFailure {
        long deadline = System.nanoTime() + budget.toNanos();
        while (!condition.getAsBoolean()) {
            for (Map.Entry<String, LaunchedAgent> a : agents.entrySet()) {
                if (!a.getValue().isAlive()) {
                    throw new AgentFailure(Findings.AGENT_EXITED, a.getKey() + " " + a.getValue().exitDescription(),
                            a.getValue().outputTail(), false);
                }
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Stops every agent, then closes the relay, whose shutdown notice is the last line each listener gets; once
     * every listener has seen its connection end, everything the relay accepted has been delivered.
     */
    Recording finish() {
        finished = true;
        Map<String, Boolean> aliveAtEnd = new LinkedHashMap<>();
        agents.forEach((label, a) -> aliveAtEnd.put(label, a.isAlive()));
        agents.values().forEach(LaunchedAgent::close);
        if (proxy != null) {
            // An external relay sends no shutdown notice we control: wait (within the budget) until each listener
            // has as many lines as the proxy saw sent to it.
            awaitQuietly(() -> listeners.values().stream()
                    .allMatch(l -> l.arrivals().size() >= proxy.linesTo(l.address())));
            listeners.values().forEach(Listener::close);
            proxy.close();
        } else {
            relay.close();
            listeners.values().forEach(l -> l.awaitEnd(budget));
        }
        return Recording.of(listeners, records, stub.requests().size(), aliveAtEnd);
    }

    private void awaitQuietly(BooleanSupplier condition) {
        long deadline = System.nanoTime() + budget.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        if (!finished) {
            agents.values().forEach(LaunchedAgent::close);
            listeners.values().forEach(Listener::close);
        }
        if (proxy != null) {
            proxy.close();
        } else {
            relay.close();
        }
        stub.close();
    }
}
