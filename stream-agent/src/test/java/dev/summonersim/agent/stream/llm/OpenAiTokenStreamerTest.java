package dev.summonersim.agent.stream.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.summonersim.llmstub.ChatScript;
import dev.summonersim.llmstub.LlmStub;
import dev.summonersim.llmstub.RecordedChatRequest;
import dev.summonersim.llmstub.StubScripts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The openai-java wrapper against the llm-stub over real HTTP: tokens, every fault, and prompt cancellation. */
@Timeout(60)
class OpenAiTokenStreamerTest {

    private static LlmStub stub;
    private static OpenAiTokenStreamer streamer;

    @BeforeAll
    static void start() {
        stub = LlmStub.start();
        streamer = new OpenAiTokenStreamer(new LlmSettings(stub.baseUrl(), "sk-test-never-logged", "gpt-4o-mini", 0,
                Duration.ofSeconds(1)));
    }

    @AfterAll
    static void stop() {
        streamer.close();
        stub.close();
    }

    private static List<String> streamTokens(String prompt) throws LlmStreamException {
        List<String> tokens = new CopyOnWriteArrayList<>();
        streamer.stream(prompt, tokens::add, new StreamCancellation());
        return tokens;
    }

    @Test
    void defaultReplyArrivesTokenByTokenWithExactText() throws Exception {
        assertThat(streamTokens("How are you?")).isEqualTo(StubScripts.DEFAULT_TOKENS);
    }

    @Test
    void jsonLikeTokensKeepTheirExactText() throws Exception {
        assertThat(streamTokens("#stub:json-like #stub:delay=0")).isEqualTo(StubScripts.JSON_LIKE_TOKENS)
                .contains("null", " 42", "true", "{}");
    }

    @Test
    void requestCarriesModelPromptAndStreamFlagButNotTheInternalHeader() throws Exception {
        String prompt = "request shape " + System.nanoTime() + " #stub:tokens=1";
        streamTokens(prompt);
        RecordedChatRequest sent = stub.requests().stream().filter(r -> r.prompt().equals(prompt)).findFirst()
                .orElseThrow();
        assertThat(sent.model()).isEqualTo("gpt-4o-mini");
        assertThat(sent.stream()).isTrue();
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header(OpenAiTokenStreamer.STREAM_KEY_HEADER)).isNull();
        assertThat(sent.header("authorization")).isEqualTo("Bearer sk-test-never-logged");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "#stub:http=401             | HTTP 401",
        "#stub:http=429             | HTTP 429",
        "#stub:http=500             | HTTP 500",
        "#stub:http=503             | HTTP 503",
        "#stub:error-after=2        | error event",
        "#stub:reset-after=2        | Connection reset",
        "#stub:truncate             | without finish_reason",
        "#stub:malformed-after=2    | stream chunk that is not valid JSON",
        "#stub:stall                | read timeout of 1000 ms",
    })
    void everyFaultIsOneReadableFailure(String directive, String expectedText) {
        String prompt = "fault " + directive;
        List<String> tokens = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> streamer.stream(prompt, tokens::add, new StreamCancellation()))
                .isInstanceOf(LlmStreamException.class)
                .satisfies(e -> {
                    System.out.println("[fault] " + directive + " -> " + e.getMessage());
                    assertThat(e.getMessage()).isNotBlank().doesNotContain("sk-test-never-logged")
                            .doesNotContain("[Source").doesNotContain("REDACTED").doesNotContain("\n");
                    if (expectedText != null) {
                        assertThat(e.getMessage()).contains(expectedText);
                    }
                });
        List<String> expected = StubScripts.tokensFor(prompt);
        if (directive.contains("malformed")) {
            // The client gives up at the broken event, so it sees only the tokens before it.
            assertThat(tokens).isEqualTo(expected.subList(0, 2));
        } else {
            assertThat(tokens).isEqualTo(expected);
        }
    }

    @Test
    void rateLimitIsNotRetriedWithZeroRetries() throws Exception {
        String prompt = "no retry " + System.nanoTime() + " #stub:http=429";
        assertThatThrownBy(() -> streamTokens(prompt)).isInstanceOf(LlmStreamException.class);
        assertThat(stub.requests().stream().filter(r -> r.prompt().equals(prompt))).hasSize(1);
    }

    @Test
    void deadEndpointFailsWithTheConnectError() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        try (OpenAiTokenStreamer dead = new OpenAiTokenStreamer(new LlmSettings(
                "http://127.0.0.1:" + deadPort + "/v1", "k", "m", 0, Duration.ofSeconds(1)))) {
            assertThatThrownBy(() -> dead.stream("hi", t -> { }, new StreamCancellation()))
                    .isInstanceOf(LlmStreamException.class)
                    .hasMessageStartingWith("LLM server could not be reached: ")
                    .hasMessageContaining("127.0.0.1:" + deadPort);
        }
    }

    /**
     * The case the spec warns about: the consumer is blocked reading a stalled stream. Cancelling must wake it
     * at once (not after the read timeout) and close the connection so the server sees the request end.
     */
    @Test
    void cancelWhileBlockedOnAStalledStreamReturnsPromptlyAndClosesTheRequest() throws Exception {
        try (LlmStub own = LlmStub.start();
             OpenAiTokenStreamer longTimeout = new OpenAiTokenStreamer(new LlmSettings(own.baseUrl(), "k",
                     "gpt-4o-mini", 0, Duration.ofSeconds(30)))) {
            StreamCancellation cancellation = new StreamCancellation();
            CountDownLatch firstToken = new CountDownLatch(1);
            CompletableFuture<Void> streaming = CompletableFuture.runAsync(() -> {
                try {
                    longTimeout.stream("#stub:stall=1 #stub:ttft=0", t -> firstToken.countDown(), cancellation);
                } catch (LlmStreamException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(firstToken.await(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            cancellation.cancel();
            streaming.get(10, TimeUnit.SECONDS);
            long returnedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println("[measure] cancel of a blocked read returned after " + returnedMs + " ms");
            // Generous bound; without Call.cancel() it would take the 30 s read timeout.
            assertThat(returnedMs).isLessThan(5_000);
        }
    }

    @Test
    void cancelMidStreamStopsTokensAndTheStubSeesTheClientGo() throws Exception {
        try (LlmStub own = LlmStub.start();
             OpenAiTokenStreamer s = new OpenAiTokenStreamer(new LlmSettings(own.baseUrl(), "k", "gpt-4o-mini", 0,
                     Duration.ofSeconds(30)))) {
            StreamCancellation cancellation = new StreamCancellation();
            List<String> tokens = new CopyOnWriteArrayList<>();
            CountDownLatch threeTokens = new CountDownLatch(3);
            CompletableFuture<Void> streaming = CompletableFuture.runAsync(() -> {
                try {
                    s.stream("#stub:tokens=2000 #stub:delay=20 #stub:ttft=0", t -> {
                        tokens.add(t);
                        threeTokens.countDown();
                    }, cancellation);
                } catch (LlmStreamException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(threeTokens.await(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            cancellation.cancel();
            streaming.get(10, TimeUnit.SECONDS);
            long returnedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(own.awaitClientDisconnect(Duration.ofSeconds(5))).isTrue();
            long disconnectMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println("[measure] mid-stream cancel: consumer returned after " + returnedMs
                    + " ms, stub saw the disconnect after " + disconnectMs + " ms");
            assertThat(tokens.size()).isLessThan(2000);
            assertThat(disconnectMs).isLessThan(5_000);
        }
    }

    @Test
    void cancelBeforeTheRequestStartsAbortsItImmediately() throws IOException {
        StreamCancellation cancellation = new StreamCancellation();
        cancellation.cancel();
        List<String> tokens = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        org.assertj.core.api.Assertions.assertThatCode(
                () -> streamer.stream("#stub:ttft=3000", tokens::add, cancellation)).doesNotThrowAnyException();
        assertThat(tokens).isEmpty();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_500);
    }
}
