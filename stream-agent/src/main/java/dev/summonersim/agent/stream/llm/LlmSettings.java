package dev.summonersim.agent.stream.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach an OpenAI-compatible chat completions endpoint. {@link #toString()} never shows the key.
 *
 * @param baseUrl     API root including the version path, e.g. {@code https://api.openai.com/v1}
 * @param apiKey      bearer key (a placeholder for servers that ignore it)
 * @param model       model name sent with each request
 * @param maxRetries  client-side retries of failed requests before the stream counts as failed (0 in tests)
 * @param readTimeout longest silence on an open stream before it counts as stalled
 */
public record LlmSettings(String baseUrl, String apiKey, String model, int maxRetries, Duration readTimeout) {

    public static final String DEFAULT_MODEL = "gpt-4o-mini";
    public static final int DEFAULT_MAX_RETRIES = 2;
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    public LlmSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout must be positive: " + readTimeout);
        }
    }

    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", apiKey=<hidden>, model=" + model + ", maxRetries=" + maxRetries
                + ", readTimeout=" + readTimeout.toMillis() + " ms]";
    }
}
