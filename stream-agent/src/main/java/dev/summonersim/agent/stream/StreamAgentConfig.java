package dev.summonersim.agent.stream;

import dev.summonersim.agent.stream.llm.LlmSettings;
import dev.summonersim.agent.stream.send.SendSettings;
import dev.summonersim.sdk.client.SummonerClient;
import dev.summonersim.sdk.config.ClientConfig;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Everything a stream agent needs to start. Build with {@link #builder()}; the defaults are the reference's.
 *
 * <p>The relay address has one home: the client configuration's {@code host} and {@code port}, 127.0.0.1:8888 when
 * it has none ({@link #host()}, {@link #port()}). The builder's {@code host}/{@code port} override the client
 * configuration's, as {@code --host}/{@code --port} override the config file.
 *
 * @param name               client name; null means the send mode's default (StreamAgent_1, or StreamAgent_0 for
 *                           timeout)
 * @param client             sdk client configuration (relay address, logger, receiver, sender, reconnection)
 * @param send               how the send loop waits for events
 * @param llm                the LLM endpoint and request settings; no endpoint starts the embedded stub
 * @param reactToAll         react to other agents' stream events too (the reference behaviour, quirk Q20)
 * @param onlyAddressed      react only to {@code {"to": <this agent's name>, "prompt": <text>}} and ignore everything
 *                           else (our extension, for many agents on one relay); false = every relayed message is a
 *                           prompt
 * @param eventQueueCapacity most stream events waiting to be sent; when full, the LLM reader waits (back-pressure)
 */
public record StreamAgentConfig(String name, ClientConfig client, SendSettings send, LlmSettings llm,
                                boolean reactToAll, boolean onlyAddressed, int eventQueueCapacity) {

    public static final String DEFAULT_HOST = SummonerClient.DEFAULT_HOST;
    public static final int DEFAULT_PORT = SummonerClient.DEFAULT_PORT;
    /** About 100 KB of token events: a minute and a half of polling at 10 ms, never a memory problem. */
    public static final int DEFAULT_EVENT_QUEUE_CAPACITY = 1024;

    public StreamAgentConfig {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(send, "send");
        Objects.requireNonNull(llm, "llm");
        if (eventQueueCapacity < 1) {
            throw new IllegalArgumentException("event queue capacity must be at least 1: " + eventQueueCapacity);
        }
    }

    /** The relay host: the client configuration's, else 127.0.0.1. */
    public String host() {
        return client.host() != null ? client.host() : DEFAULT_HOST;
    }

    /** The relay port: the client configuration's, else 8888. */
    public int port() {
        return client.port() != null ? client.port() : DEFAULT_PORT;
    }

    public String effectiveName() {
        return name != null ? name : send.mode().defaultAgentName();
    }

    /** True when no LLM endpoint is configured and the embedded stub will serve the prompts. */
    public boolean usesEmbeddedStub() {
        return llm.usesEmbeddedStub();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().name(name).client(client).send(send).llm(llm).reactToAll(reactToAll)
                .onlyAddressed(onlyAddressed).eventQueueCapacity(eventQueueCapacity);
    }

    @Override
    public String toString() {
        return "StreamAgentConfig[name=" + effectiveName() + ", host=" + host() + ", port=" + port() + ", send="
                + send + ", llm=" + llm + ", reactToAll=" + reactToAll + ", onlyAddressed=" + onlyAddressed
                + ", eventQueueCapacity=" + eventQueueCapacity + "]";
    }

    public static final class Builder {
        private String name;
        private ClientConfig client = ClientConfig.defaults();
        private String host;
        private Integer port;
        private SendSettings send = SendSettings.defaults();
        private LlmSettings llm = LlmSettings.defaults();
        private boolean reactToAll;
        private boolean onlyAddressed;
        private int eventQueueCapacity = DEFAULT_EVENT_QUEUE_CAPACITY;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder client(ClientConfig client) {
            this.client = client;
            return this;
        }

        /** Overrides the client configuration's host. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Overrides the client configuration's port (1..65535). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder send(SendSettings send) {
            this.send = send;
            return this;
        }

        /** Changes some send settings, e.g. {@code send(s -> s.mode(SendMode.TIMEOUT))}. */
        public Builder send(UnaryOperator<SendSettings.Builder> change) {
            this.send = change.apply(send.toBuilder()).build();
            return this;
        }

        public Builder llm(LlmSettings llm) {
            this.llm = llm;
            return this;
        }

        /** Changes some LLM settings, e.g. {@code llm(l -> l.baseUrl(stub.baseUrl()).apiKey("k"))}. */
        public Builder llm(UnaryOperator<LlmSettings.Builder> change) {
            this.llm = change.apply(llm.toBuilder()).build();
            return this;
        }

        public Builder reactToAll(boolean reactToAll) {
            this.reactToAll = reactToAll;
            return this;
        }

        public Builder onlyAddressed(boolean onlyAddressed) {
            this.onlyAddressed = onlyAddressed;
            return this;
        }

        public Builder eventQueueCapacity(int eventQueueCapacity) {
            this.eventQueueCapacity = eventQueueCapacity;
            return this;
        }

        public StreamAgentConfig build() {
            return new StreamAgentConfig(name, client.withAddress(host, port), send, llm, reactToAll, onlyAddressed,
                    eventQueueCapacity);
        }
    }
}
