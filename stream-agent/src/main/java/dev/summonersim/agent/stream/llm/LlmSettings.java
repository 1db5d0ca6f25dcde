package dev.summonersim.agent.stream.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach an OpenAI-compatible chat completions endpoint. {@link #toString()} never shows the key.
 *
 * <p>In a stream agent's configuration the base URL and the key may be unset: both unset means the agent starts the
 * embedded stub ({@link #usesEmbeddedStub()}); the agent fills them in ({@link #withEndpoint}) before it builds an
 * {@link OpenAiTokenStreamer}, which needs both.
 *
 * @param baseUrl     API root including the version path, e.g. {@code https://api.openai.com/v1}; null = not set
 * @param apiKey      bearer key (a placeholder for servers that ignore it); null = not set
 * @param model       model name sent with each request; gpt-4o-mini
 * @param maxRetries  client-side retries of failed requests before the stream counts as failed (0 in tests); 2
 * @param readTimeout longest silence on an open stream before it counts as stalled; 60 s
 */
public record LlmSettings(String baseUrl, String apiKey, String model, int maxRetries, Duration readTimeout) {

    public static final String DEFAULT_MODEL = "gpt-4o-mini";
    public static final int DEFAULT_MAX_RETRIES = 2;
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    public LlmSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("LLM max retries must not be negative: " + maxRetries);
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout must be positive: " + readTimeout);
        }
    }

    /** Nothing configured (the embedded stub), gpt-4o-mini, 2 retries, 60 s read timeout. */
    public static LlmSettings defaults() {
        return new Builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().baseUrl(baseUrl).apiKey(apiKey).model(model).maxRetries(maxRetries)
                .readTimeout(readTimeout);
    }

    /** True when neither a base URL nor a key is set: the agent then serves prompts from the embedded stub. */
    public boolean usesEmbeddedStub() {
        return baseUrl == null && apiKey == null;
    }

    /** These settings with this endpoint (both non-null), the rest unchanged. */
    public LlmSettings withEndpoint(String baseUrl, String apiKey) {
        return new LlmSettings(Objects.requireNonNull(baseUrl, "baseUrl"), Objects.requireNonNull(apiKey, "apiKey"),
                model, maxRetries, readTimeout);
    }

    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "<hidden>") + ", model="
                + model + ", maxRetries=" + maxRetries + ", readTimeout=" + readTimeout.toMillis() + " ms]";
    }

    /** Fluent builder; every setter returns this builder. */
    public static final class Builder {
        private String baseUrl;
        private String apiKey;
        private String model = DEFAULT_MODEL;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;

        private Builder() {
        }

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        public LlmSettings build() {
            return new LlmSettings(baseUrl, apiKey, model, maxRetries, readTimeout);
        }
    }
}
