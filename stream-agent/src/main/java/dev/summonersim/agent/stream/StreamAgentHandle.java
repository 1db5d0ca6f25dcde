package dev.summonersim.agent.stream;

import dev.summonersim.agent.stream.llm.TokenStreamer;
import dev.summonersim.llmstub.LlmStub;
import dev.summonersim.sdk.client.ClientHandle;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/** A running stream agent. {@link #close()} disconnects, cancels the running stream and stops the embedded stub. */
public final class StreamAgentHandle implements AutoCloseable {

    private final String name;
    private final ClientHandle client;
    private final SingleStreamRunner runner;
    private final TokenStreamer streamer;
    private final LlmStub embeddedStub;
    private final String llmBaseUrl;

    StreamAgentHandle(String name, ClientHandle client, SingleStreamRunner runner, TokenStreamer streamer,
                      LlmStub embeddedStub, String llmBaseUrl) {
        this.name = name;
        this.client = client;
        this.runner = runner;
        this.streamer = streamer;
        this.embeddedStub = embeddedStub;
        this.llmBaseUrl = llmBaseUrl;
    }

    public String name() {
        return name;
    }

    public boolean awaitConnected(Duration timeout) {
        return client.awaitConnected(timeout);
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
