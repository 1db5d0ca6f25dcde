package dev.summonersim.llmstub;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * How an {@link LlmStub} runs. Defaults suit a person watching a demo: port 0 (any free port), 200 ms to first
 * token, 40 ms between tokens, the default reply, no jitter, seed 0, 256 open streams. Tests should set small delays.
 * TTFT, token delay and answer length may be spreads ({@link Lognormal} median and p95): then each request draws its
 * own TTFT and length, and each gap between tokens is drawn, all from the request's seeded random source.
 *
 * @param port           TCP port on 127.0.0.1, 0 = chosen at start
 * @param ttft           time to first token in ms, unless a script or directive says otherwise
 * @param tokenDelay     delay between tokens in ms, unless a script or directive says otherwise
 * @param tokens         answer length of the default reply (numbered tokens {@code tok0}, {@code " tok1"}, ...);
 *                       null = the fixed default answer ({@link StubScripts#DEFAULT_TOKENS})
 * @param jitter         each inter-token delay varies by up to +/- this much (0 = exact)
 * @param seed           seeds every draw; with the same seed the same prompt gets the same schedule
 * @param scripts        scripts installed at start, in order (later ones win when several match)
 * @param maxOpenStreams streams that can be open at once: each holds one Jetty thread for its whole duration, so
 *                       this sizes the thread pool; more requests wait for a thread (see
 *                       {@link LlmStub#peakOpenStreams()})
 * @param tokenListener  told about every token write (for latency measurements in the same JVM)
 * @param proxy          null, or the base URL of a real OpenAI-compatible server (e.g. {@code http://host:P/v1})
 *                       to which every {@code /v1/...} request is forwarded instead of answered; answers are
 *                       streamed through as they arrive
 * @param recordTo       null, or a directory where each proxied chat completion is written as a mapping file
 *                       (needs {@code proxy})
 */
public record LlmStubConfig(int port, Lognormal ttft, Lognormal tokenDelay, Lognormal tokens, Duration jitter,
                            long seed, List<ChatScript> scripts, int maxOpenStreams, TokenWriteListener tokenListener,
                            URI proxy, Path recordTo) {

    public static final Duration DEFAULT_TTFT = Duration.ofMillis(200);
    public static final Duration DEFAULT_TOKEN_DELAY = Duration.ofMillis(40);
    public static final int DEFAULT_MAX_OPEN_STREAMS = 256;
    static final String CREDENTIALS_IN_PROXY_URL = "must not carry credentials (user:password@): clients send their"
            + " key in the Authorization header, which the proxy forwards";

    public LlmStubConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        Objects.requireNonNull(ttft, "ttft");
        Objects.requireNonNull(tokenDelay, "tokenDelay");
        Objects.requireNonNull(jitter, "jitter");
        if (jitter.isNegative()) {
            throw new IllegalArgumentException("jitter < 0: " + jitter);
        }
        if (tokens != null && tokens.median() < 1) {
            throw new IllegalArgumentException("tokens must be at least 1: " + tokens);
        }
        if (maxOpenStreams < 1) {
            throw new IllegalArgumentException("maxOpenStreams must be at least 1: " + maxOpenStreams);
        }
        scripts = List.copyOf(scripts);
        Objects.requireNonNull(tokenListener, "tokenListener");
        if (proxy != null) {
            checkProxyUrl(proxy);
        }
        if (recordTo != null && proxy == null) {
            throw new IllegalArgumentException("recordTo needs proxy: the server to record from");
        }
    }

    /**
     * @throws IllegalArgumentException unless {@code url} is an absolute http(s) URL with a host and no credentials
     */
    public static URI checkProxyUrl(URI url) {
        if (url.getRawUserInfo() != null) {
            // Said without echoing the URL: it holds a secret, which must not reach a terminal or a log.
            throw new IllegalArgumentException(CREDENTIALS_IN_PROXY_URL);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null || url.getQuery() != null
                || url.getFragment() != null) {
            throw new IllegalArgumentException("'" + url + "' is not an http(s) base URL"
                    + " (expected e.g. http://127.0.0.1:8080/v1 or https://api.openai.com/v1)");
        }
        return url;
    }

    public static LlmStubConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().port(port).ttft(ttft).tokenDelay(tokenDelay).tokens(tokens).jitter(jitter).seed(seed)
                .scripts(scripts).maxOpenStreams(maxOpenStreams).tokenListener(tokenListener).proxy(proxy)
                .recordTo(recordTo);
    }

    /** The tokens of the default reply for one request (draws its length from {@code random} when a spread). */
    public List<String> defaultTokens(Random random) {
        if (tokens == null) {
            return StubScripts.DEFAULT_TOKENS;
        }
        return StubScripts.numberedTokens((int) Math.max(1, Math.min(1_000_000, Math.round(tokens.draw(random)))));
    }

    public static final class Builder {
        private int port;
        private Lognormal ttft = Lognormal.fixed(DEFAULT_TTFT.toMillis());
        private Lognormal tokenDelay = Lognormal.fixed(DEFAULT_TOKEN_DELAY.toMillis());
        private Lognormal tokens;
        private Duration jitter = Duration.ZERO;
        private long seed;
        private final List<ChatScript> scripts = new ArrayList<>();
        private int maxOpenStreams = DEFAULT_MAX_OPEN_STREAMS;
        private TokenWriteListener tokenListener = TokenWriteListener.NONE;
        private URI proxy;
        private Path recordTo;

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder ttft(Duration ttft) {
            return ttft(Lognormal.fixed(nonNegativeMillis("ttft", ttft)));
        }

        /** Time to first token in ms, drawn per request. */
        public Builder ttft(Lognormal ttftMillis) {
            this.ttft = ttftMillis;
            return this;
        }

        public Builder tokenDelay(Duration tokenDelay) {
            return tokenDelay(Lognormal.fixed(nonNegativeMillis("tokenDelay", tokenDelay)));
        }

        /** Delay between tokens in ms, drawn per gap. */
        public Builder tokenDelay(Lognormal tokenDelayMillis) {
            this.tokenDelay = tokenDelayMillis;
            return this;
        }

        /** Answer length of the default reply, drawn per request; null = the fixed default answer. */
        public Builder tokens(Lognormal tokens) {
            this.tokens = tokens;
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

        public Builder maxOpenStreams(int maxOpenStreams) {
            this.maxOpenStreams = maxOpenStreams;
            return this;
        }

        public Builder tokenListener(TokenWriteListener tokenListener) {
            this.tokenListener = tokenListener;
            return this;
        }

        /** Forward every request to this OpenAI-compatible base URL (e.g. {@code http://127.0.0.1:P/v1}). */
        public Builder proxy(URI baseUrl) {
            this.proxy = baseUrl;
            return this;
        }

        /** Record each proxied chat completion as a mapping file in this directory (created if missing). */
        public Builder recordTo(Path dir) {
            this.recordTo = dir;
            return this;
        }

        public LlmStubConfig build() {
            return new LlmStubConfig(port, ttft, tokenDelay, tokens, jitter, seed, scripts, maxOpenStreams,
                    tokenListener, proxy, recordTo);
        }

        private static long nonNegativeMillis(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " < 0: " + d);
            }
            return d.toMillis();
        }
    }
}
