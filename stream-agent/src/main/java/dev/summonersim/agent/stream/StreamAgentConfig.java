package dev.summonersim.agent.stream;

import dev.summonersim.agent.stream.llm.LlmSettings;
import dev.summonersim.agent.stream.send.PollingSendStrategy;
import dev.summonersim.agent.stream.send.SendMode;
import dev.summonersim.agent.stream.send.SendStrategy;
import dev.summonersim.agent.stream.send.TimeoutSendStrategy;
import dev.summonersim.sdk.config.ClientConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a stream agent needs to start. Build with {@link #builder()}; the defaults are the reference's.
 *
 * @param name          client name; null means the send mode's default (StreamAgent_1, or StreamAgent_0 for timeout)
 * @param client        sdk client configuration (logger, receiver, sender, reconnection; host/port win when set)
 * @param host          host to connect to when the client configuration has none
 * @param port          port to connect to when the client configuration has none
 * @param sendMode      which send strategy to use
 * @param pollInterval  sleep of the polling strategy
 * @param sendTimeout   wait limit of the timeout strategy
 * @param sendStrategy  a custom strategy that replaces the mode's (tests, benchmarks); null for the mode's own
 * @param model         model name for the chat completions request
 * @param llmBaseUrl    OpenAI-compatible API root; null together with llmApiKey starts the embedded stub
 * @param llmApiKey     API key; null with a base URL uses a placeholder key
 * @param llmMaxRetries client retries per request
 * @param llmReadTimeout silence on an open stream that counts as a stall
 * @param reactToAll    react to other agents' stream events too (the reference behaviour, quirk Q20)
 * @param onlyAddressed react only to {@code {"to": <this agent's name>, "prompt": <text>}} and ignore everything
 *                      else (our extension, for many agents on one relay); false = every relayed message is a prompt
 * @param eventQueueCapacity most stream events waiting to be sent; when full, the LLM reader waits (back-pressure)
 */
public record StreamAgentConfig(String name, ClientConfig client, String host, int port, SendMode sendMode,
                                Duration pollInterval, Duration sendTimeout, SendStrategy sendStrategy,
                                String model, String llmBaseUrl, String llmApiKey, int llmMaxRetries,
                                Duration llmReadTimeout, boolean reactToAll,
                                boolean onlyAddressed, int eventQueueCapacity) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8888;
    /** About 100 KB of token events: a minute and a half of polling at 10 ms, never a memory problem. */
    public static final int DEFAULT_EVENT_QUEUE_CAPACITY = 1024;

    public StreamAgentConfig {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(sendMode, "sendMode");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(sendTimeout, "sendTimeout");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(llmReadTimeout, "llmReadTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        if (pollInterval.isNegative()) {
            throw new IllegalArgumentException("poll interval must not be negative: " + pollInterval.toMillis() + " ms");
        }
        if (sendTimeout.isNegative()) {
            throw new IllegalArgumentException("send timeout must not be negative: " + sendTimeout.toMillis() + " ms");
        }
        if (eventQueueCapacity < 1) {
            throw new IllegalArgumentException("event queue capacity must be at least 1: " + eventQueueCapacity);
        }
        if (llmMaxRetries < 0) {
            throw new IllegalArgumentException("LLM max retries must not be negative: " + llmMaxRetries);
        }
    }

    public String effectiveName() {
        return name != null ? name : sendMode.defaultAgentName();
    }

    public SendStrategy effectiveSendStrategy() {
        return sendStrategy != null ? sendStrategy : sendMode.strategy(pollInterval, sendTimeout);
    }

    /** True when no LLM endpoint is configured and the embedded stub will serve the prompts. */
    public boolean usesEmbeddedStub() {
        return llmBaseUrl == null && llmApiKey == null;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().name(name).client(client).host(host).port(port).sendMode(sendMode)
                .pollInterval(pollInterval).sendTimeout(sendTimeout).sendStrategy(sendStrategy).model(model)
                .llmBaseUrl(llmBaseUrl).llmApiKey(llmApiKey).llmMaxRetries(llmMaxRetries)
                .llmReadTimeout(llmReadTimeout).reactToAll(reactToAll).onlyAddressed(onlyAddressed)
                .eventQueueCapacity(eventQueueCapacity);
    }

    @Override
    public String toString() {
        return "StreamAgentConfig[name=" + effectiveName() + ", host=" + host + ", port=" + port + ", sendMode="
                + sendMode + ", model=" + model + ", llmBaseUrl=" + llmBaseUrl + ", llmApiKey="
                + (llmApiKey == null ? "unset" : "<hidden>") + ", reactToAll=" + reactToAll + ", onlyAddressed=" + onlyAddressed
                + ", eventQueueCapacity=" + eventQueueCapacity + "]";
    }

    public static final class Builder {
        private String name;
        private ClientConfig client = ClientConfig.defaults();
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private SendMode sendMode = SendMode.POLLING;
        private Duration pollInterval = PollingSendStrategy.DEFAULT_INTERVAL;
        private Duration sendTimeout = TimeoutSendStrategy.DEFAULT_TIMEOUT;
        private SendStrategy sendStrategy;
        private String model = LlmSettings.DEFAULT_MODEL;
        private String llmBaseUrl;
        private String llmApiKey;
        private int llmMaxRetries = LlmSettings.DEFAULT_MAX_RETRIES;
        private Duration llmReadTimeout = LlmSettings.DEFAULT_READ_TIMEOUT;
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

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder sendMode(SendMode sendMode) {
            this.sendMode = sendMode;
            return this;
        }

        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        public Builder sendTimeout(Duration sendTimeout) {
            this.sendTimeout = sendTimeout;
            return this;
        }

        public Builder sendStrategy(SendStrategy sendStrategy) {
            this.sendStrategy = sendStrategy;
            return this;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder llmBaseUrl(String llmBaseUrl) {
            this.llmBaseUrl = llmBaseUrl;
            return this;
        }

        public Builder llmApiKey(String llmApiKey) {
            this.llmApiKey = llmApiKey;
            return this;
        }

        public Builder llmMaxRetries(int llmMaxRetries) {
            this.llmMaxRetries = llmMaxRetries;
            return this;
        }

        public Builder llmReadTimeout(Duration llmReadTimeout) {
            this.llmReadTimeout = llmReadTimeout;
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
            return new StreamAgentConfig(name, client, host, port, sendMode, pollInterval, sendTimeout, sendStrategy,
                    model, llmBaseUrl, llmApiKey, llmMaxRetries, llmReadTimeout, reactToAll, onlyAddressed,
                    eventQueueCapacity);
        }
    }
}
