package dev.summonersim.llmstub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.summonersim.llmstub.internal.ChatCompletionTransformer;
import dev.summonersim.llmstub.internal.LastUserMessageMatcher;
import dev.summonersim.llmstub.internal.RecordingDirectory;
import dev.summonersim.llmstub.internal.RequestRecorder;
import dev.summonersim.llmstub.internal.ScriptRegistry;
import dev.summonersim.llmstub.internal.SseStreamingFilter;
import dev.summonersim.llmstub.internal.StreamPlanner;
import dev.summonersim.llmstub.internal.StreamRegistry;
import dev.summonersim.llmstub.internal.StreamingServerFactory;
import dev.summonersim.llmstub.internal.UpstreamProxy;
import dev.summonersim.llmstub.internal.UpstreamProxyTransformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A stub of OpenAI's {@code POST /v1/chat/completions} on 127.0.0.1 that streams tokens with real timing and
 * injects faults on request. Embedded WireMock underneath, so {@link #wireMock()} offers its journal and
 * {@code verify()}.
 * <pre>{@code
 * try (LlmStub stub = LlmStub.start()) {
 *     stub.script(ChatScript.whenPromptMatches("(?i)weather").tokens("It", "'s", " sunny"));
 *     // point an OpenAI client at stub.baseUrl() with any API key
 *     RecordedChatRequest sent = stub.takeRequest(Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class LlmStub implements AutoCloseable {

    private static final String CHAT_PATH = "/v1/chat/completions";
    private static final int DEFAULT_PRIORITY = 10;
    private static final int SCRIPT_PRIORITY = 5;
    private static final int PROXY_PRIORITY = 1;
    /** Jetty's acceptor, selectors and reserved threads, on top of one thread per open stream. */
    private static final int JETTY_OWN_THREADS = 16;

    private final WireMockServer wireMock;
    private final ScriptRegistry scripts;
    private final StreamRegistry streams;
    private final RequestRecorder recorder;
    private final int maxOpenStreams;
    private final UpstreamProxy proxy;
    private boolean closed;

    private LlmStub(WireMockServer wireMock, ScriptRegistry scripts, StreamRegistry streams, RequestRecorder recorder,
                    int maxOpenStreams, UpstreamProxy proxy) {
        this.maxOpenStreams = maxOpenStreams;
        this.proxy = proxy;
        this.wireMock = wireMock;
        this.scripts = scripts;
        this.streams = streams;
        this.recorder = recorder;
    }

    /** Starts with {@link LlmStubConfig#defaults()} on a free port. */
    public static LlmStub start() {
        return start(LlmStubConfig.defaults());
    }

    public static LlmStub start(LlmStubConfig config) {
        Objects.requireNonNull(config, "config");
        ScriptRegistry scripts = new ScriptRegistry();
        StreamRegistry streams = new StreamRegistry(config.maxOpenStreams());
        RequestRecorder recorder = new RequestRecorder();
        StreamPlanner planner = new StreamPlanner(config.jitter(), config.seed());
        UpstreamProxy proxy = config.proxy() == null ? null : new UpstreamProxy(config.proxy(),
                config.recordTo() == null ? null : RecordingDirectory.open(config.recordTo()), streams);
        WireMockServer server = new WireMockServer(wireMockConfig()
                .bindAddress("127.0.0.1")
                .port(config.port())
                // Each open stream holds one Jetty thread for its whole duration; the rest accept and select.
                .containerThreads(config.maxOpenStreams() + JETTY_OWN_THREADS)
                .jettyAcceptors(1)
                // OpenAI speaks HTTP/1.1 to these clients; h2c upgrades (JDK HttpClient) would also defeat ClientConnection.
                .http2PlainDisabled(true)
                .jettyStopTimeout(1000L)
                .notifier(new Slf4jNotifier(false))
                .extensions(
                        new StreamingServerFactory(new SseStreamingFilter(streams, config.tokenListener(), proxy)),
                        new ChatCompletionTransformer(scripts, streams, planner, config),
                        new UpstreamProxyTransformer(streams),
                        new LastUserMessageMatcher(),
                        recorder));
        try {
            server.start();
        } catch (RuntimeException e) {
            if (proxy != null) {
                proxy.close();
            }
            throw e;
        }
        LlmStub stub = new LlmStub(server, scripts, streams, recorder, config.maxOpenStreams(), proxy);
        if (proxy != null) {
            // Above every script: in proxy mode the upstream answers everything under /v1.
            server.stubFor(any(urlPathMatching("/v1(/.*)?")).atPriority(PROXY_PRIORITY)
                    .willReturn(aResponse().withTransformers(UpstreamProxyTransformer.NAME)));
        }
        server.stubFor(post(urlPathEqualTo(CHAT_PATH)).atPriority(DEFAULT_PRIORITY)
                .willReturn(aResponse()
                        .withTransformers(ChatCompletionTransformer.NAME)
                        .withTransformerParameter(ChatCompletionTransformer.SCRIPT_PARAMETER, ScriptRegistry.DEFAULT_ID)));
        config.scripts().forEach(stub::script);
        return stub;
    }

    /** {@code http://127.0.0.1:PORT/v1}, the base URL OpenAI clients expect. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public int port() {
        return wireMock.port();
    }

    /**
     * Installs a script for every later request it matches. Later scripts win over earlier ones; all win over the
     * default reply.
     */
    public LlmStub script(ChatScript script) {
        Objects.requireNonNull(script, "script");
        String id = scripts.register(script);
        MappingBuilder mapping = post(urlPathEqualTo(CHAT_PATH)).atPriority(SCRIPT_PRIORITY);
        if (script.promptRegex() != null || script.model() != null) {
            Parameters match = new Parameters();
            if (script.promptRegex() != null) {
                match.put(LastUserMessageMatcher.PATTERN_PARAMETER, script.promptRegex());
            }
            if (script.model() != null) {
                match.put(LastUserMessageMatcher.MODEL_PARAMETER, script.model());
            }
            mapping = mapping.andMatching(LastUserMessageMatcher.NAME, match);
        }
        wireMock.stubFor(mapping.willReturn(aResponse()
                .withTransformers(ChatCompletionTransformer.NAME)
                .withTransformerParameter(ChatCompletionTransformer.SCRIPT_PARAMETER, id)));
        return this;
    }

    /** Answers the next chat request (whatever its prompt) with {@code script}, once; queued scripts go in order. */
    public LlmStub enqueue(ChatScript script) {
        scripts.enqueue(Objects.requireNonNull(script, "script"));
        return this;
    }

    /** Every request received so far, oldest first. */
    public List<RecordedChatRequest> requests() {
        List<ServeEvent> events = new ArrayList<>(wireMock.getAllServeEvents());
        Collections.reverse(events);
        List<RecordedChatRequest> out = new ArrayList<>(events.size());
        for (ServeEvent e : events) {
            out.add(RecordedChatRequest.from(e.getRequest()));
        }
        return out;
    }

    /** The next request not taken yet (in arrival order), or null after {@code timeout}. */
    public RecordedChatRequest takeRequest(Duration timeout) throws InterruptedException {
        return recorder.take(timeout);
    }

    /** Streams whose client went away before the stub finished writing (cancelled or closed). */
    public int clientDisconnects() {
        return streams.clientDisconnects();
    }

    /** Streams written to the end (faulty ones that end cleanly included). */
    public int completedStreams() {
        return streams.completedStreams();
    }

    /**
     * Waits until at least one stream was abandoned by its client. The stub notices at its next write, or within
     * about 50 ms while it waits between events (TTFT, token delay, stall).
     */
    public boolean awaitClientDisconnect(Duration timeout) throws InterruptedException {
        return awaitClientDisconnects(1, timeout);
    }

    public boolean awaitClientDisconnects(int count, Duration timeout) throws InterruptedException {
        return streams.awaitClientDisconnects(count, timeout);
    }

    /** Streams being written right now. */
    public int openStreams() {
        return streams.openStreams();
    }

    /**
     * The most streams open at once so far (at most {@link #maxOpenStreams()}; see {@link #streamsThatWaited()}).
     */
    public int peakOpenStreams() {
        return streams.peakOpenStreams();
    }

    /** Requests that waited for a stream slot because {@link #maxOpenStreams()} were open: the stub was the limit. */
    public int streamsThatWaited() {
        return streams.streamsThatWaited();
    }

    public int maxOpenStreams() {
        return maxOpenStreams;
    }

    /**
     * Returns when the stub accepts requests. It does from the moment {@link #start} returns, so this only checks
     * that it has not been closed since; it exists so that every component is awaited the same way.
     *
     * @throws IllegalStateException when the stub has been closed
     */
    public synchronized void awaitReady(Duration timeout) {
        if (closed || !wireMock.isRunning()) {
            throw new IllegalStateException("llm-stub is closed (close() was called)");
        }
    }

    /** The embedded WireMock server, for {@code verify(...)}, the journal, or extra stubs. */
    public WireMockServer wireMock() {
        return wireMock;
    }

    /** Stops the server; streams still running, stalled ones included, are reset first so this never hangs. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        streams.shutdown();
        if (proxy != null) {
            proxy.close(); // closes the upstream of every proxied stream, so their threads end before Jetty stops
        }
        wireMock.stop();
    }
}
