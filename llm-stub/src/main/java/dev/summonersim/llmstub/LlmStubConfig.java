package dev.summonersim.llmstub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an {@link LlmStub} runs. Defaults suit a person watching a demo: port 0 (any free port), 200 ms to first
 * token, 40 ms between tokens, no jitter, seed 0. Tests should set small delays.
 *
 * @param port      TCP port on 127.0.0.1, 0 = chosen at start
 * @param ttft      time to first token, unless a script or directive says otherwise
 * @param tokenDelay delay between tokens, unless a script or directive says otherwise
 * @param jitter    each inter-token delay varies by up to +/- this much (0 = exact)
 * @param seed      seeds the jitter; with the same seed the same prompt gets the same schedule
 * @param scripts   scripts installed at start, in order (later ones win when several match)
 */
public record LlmStubConfig(int port, Duration ttft, Duration tokenDelay, Duration jitter, long seed,
                            List<ChatScript> scripts) {

    public static final Duration DEFAULT_TTFT = Duration.ofMillis(200);
    public static final Duration DEFAULT_TOKEN_DELAY = Duration.ofMillis(40);

    public LlmStubConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        checkDelay("ttft", ttft);
        checkDelay("tokenDelay", tokenDelay);
        checkDelay("jitter", jitter);
        scripts = List.copyOf(scripts);
    }

    public static LlmStubConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().port(port).ttft(ttft).tokenDelay(tokenDelay).jitter(jitter).seed(seed).scripts(scripts);
    }

    private static void checkDelay(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " < 0: " + d);
        }
    }

    public static final class Builder {
        private int port;
        private Duration ttft = DEFAULT_TTFT;
        private Duration tokenDelay = DEFAULT_TOKEN_DELAY;
        private Duration jitter = Duration.ZERO;
        private long seed;
        private final List<ChatScript> scripts = new ArrayList<>();

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder ttft(Duration ttft) {
            this.ttft = ttft;
            return this;
        }

        public Builder tokenDelay(Duration tokenDelay) {
            this.tokenDelay = tokenDelay;
            return this;
        }

        public Builder jitter(Duration jitter) {
            this.jitter = jitter;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder script(ChatScript script) {
            scripts.add(Objects.requireNonNull(script, "script"));
            return this;
        }

        public Builder scripts(List<ChatScript> scripts) {
            this.scripts.clear();
            scripts.forEach(this::script);
            return this;
        }

        public LlmStubConfig build() {
            return new LlmStubConfig(port, ttft, tokenDelay, jitter, seed, scripts);
        }
    }
}
