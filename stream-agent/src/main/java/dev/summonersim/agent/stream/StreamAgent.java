package dev.summonersim.agent.stream;

import dev.summonersim.agent.stream.llm.LlmSettings;
import dev.summonersim.agent.stream.llm.OpenAiTokenStreamer;
import dev.summonersim.agent.stream.llm.TokenStreamer;
import dev.summonersim.agent.stream.send.EventSendHandler;
import dev.summonersim.llmstub.LlmStub;
import dev.summonersim.sdk.client.ClientHandle;
import dev.summonersim.sdk.client.SummonerClient;
import dev.summonersim.sdk.events.StreamEvent;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * StreamAgent_1 / StreamAgent_0: answers every relayed prompt with an LLM stream sent as stream events.
 * {@link #start(StreamAgentConfig)} wires the parts, connects in the background and returns the running agent;
 * {@link #awaitReady(Duration)} waits for the relay connection; {@link #close()} disconnects, cancels the running
 * stream and stops the embedded stub.
 */
public final class StreamAgent implements AutoCloseable {

    /** Official API root, used when only a key is configured. */
    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
    /** Sent when a base URL is configured without a key; local OpenAI-compatible servers ignore it. */
    static final String PLACEHOLDER_API_KEY = "sk-no-key-configured";

    private final String name;
    private final ClientHandle client;
    private final SingleStreamRunner runner;
    private final TokenStreamer streamer;
    private final LlmStub embeddedStub;
    private final String llmBaseUrl;

    private StreamAgent(String name, ClientHandle client, SingleStreamRunner runner, TokenStreamer streamer,
                        LlmStub embeddedStub, String llmBaseUrl) {
        this.name = name;
        this.client = client;
        this.runner = runner;
        this.streamer = streamer;
        this.embeddedStub = embeddedStub;
        this.llmBaseUrl = llmBaseUrl;
    }

    public static StreamAgent start(StreamAgentConfig config) {
        String name = config.effectiveName();
        Logger log = LoggerFactory.getLogger(name);
        LlmSettings llm = config.llm();
        LlmStub stub = null;
        String baseUrl;
        if (llm.usesEmbeddedStub()) {
            stub = LlmStub.start();
            baseUrl = stub.baseUrl();
            log.info("No OPENAI_API_KEY or OPENAI_BASE_URL set: using the embedded LLM stub at {}", baseUrl);
        } else {
            baseUrl = llm.baseUrl() != null ? llm.baseUrl() : OPENAI_BASE_URL;
            log.info("Streaming from the LLM at {} (model {})", baseUrl, llm.model());
        }
        LlmSettings settings = llm.withEndpoint(baseUrl, llm.apiKey() != null ? llm.apiKey() : PLACEHOLDER_API_KEY);

        // Bounded: a full queue holds up the LLM reader instead of growing (EventGate).
        BlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>(config.eventQueueCapacity());
        OpenAiTokenStreamer streamer = null;
        SingleStreamRunner runner = null;
        try {
            streamer = new OpenAiTokenStreamer(settings);
            runner = new SingleStreamRunner(events, streamer, () -> UUID.randomUUID().toString(), log);
            // host()/port() come from config.client(); given again so that the fallback stage defaults to them
            SummonerClient client = SummonerClient.builder(name)
                    .config(config.client())
                    .host(config.host())
                    .port(config.port())
                    .onReceive(new PromptReceiver(runner, log, config.reactToAll(),
                            config.onlyAddressed() ? name : null))
                    .onSend(new EventSendHandler(events, config.send().strategy()))
                    .build();
            ClientHandle clientHandle = client.start();
            return new StreamAgent(name, clientHandle, runner, streamer, stub, baseUrl);
        } catch (RuntimeException e) {
            if (runner != null) {
                runner.close();
            }
            if (streamer != null) {
                streamer.close();
            }
            if (stub != null) {
                stub.close();
            }
            throw e;
        }
    }

    public String name() {
        return name;
    }

    /**
     * Returns once the agent is connected to the relay.
     *
     * @throws IllegalStateException when it is not connected within {@code timeout} or has stopped
     */
    public void awaitReady(Duration timeout) {
        if (!client.awaitConnected(timeout)) {
            throw new IllegalStateException("stream agent '" + name + "' "
                    + (client.isRunning() ? "did not connect to the relay within " + timeout.toMillis() + " ms"
                            : "stopped before it connected to the relay"));
        }
    }

    /** The agent's end of the relay connection (what peers see as remote_addr), or null when not connected. */
    public InetSocketAddress localAddress() {
        return client.localAddress();
    }

    public boolean isRunning() {
        return client.isRunning();
    }

    public boolean awaitTermination(Duration timeout) {
        return client.awaitTermination(timeout);
    }

    /** The API root the agent streams from. */
    public String llmBaseUrl() {
        return llmBaseUrl;
    }

    /** The embedded stub's API root, when the agent started one because no LLM was configured. */
    public Optional<String> embeddedStubUrl() {
        return Optional.ofNullable(embeddedStub).map(LlmStub::baseUrl);
    }

    /** Cancels the running stream, if any (queuing its stream_cancelled); returns whether one was running. */
    public boolean cancelCurrentStream() {
        return runner.cancelCurrent();
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            try {
                runner.close();
            } finally {
                try {
                    streamer.close();
                } finally {
                    if (embeddedStub != null) {
                        embeddedStub.close();
                    }
                }
            }
        }
    }
}
