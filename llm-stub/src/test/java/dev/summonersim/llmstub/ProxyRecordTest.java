package dev.summonersim.llmstub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.RateLimitException;
import com.openai.errors.SseException;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.summonersim.llmstub.internal.ChunkRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --proxy URL --record-to DIR}: one stub proxies another (the upstream, always on 127.0.0.1), passes every
 * byte through as it arrives, and writes each exchange as a mapping file that a third stub replays.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProxyRecordTest {

    private static final List<String> TOKENS = List.of("Rec", "orded", " and", " replayed", " here", ".");

    @TempDir
    Path recordings;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private LlmStub upstream;
    private LlmStub proxy;
    private OpenAIClient client;

    private void startPair(LlmStubConfig.Builder upstreamConfig) {
        upstream = closeLater(LlmStub.start(upstreamConfig.build()));
        upstream.script(ChatScript.whenPromptMatches("^Record me").tokens(TOKENS));
        proxy = closeLater(LlmStub.start(LlmStubConfig.builder()
                .proxy(URI.create(upstream.baseUrl())).recordTo(recordings).build()));
        client = openAi(proxy);
    }

    private void startPair() {
        startPair(LlmStubConfig.builder().ttft(Duration.ofMillis(5)).tokenDelay(Duration.ofMillis(2)));
    }

    private OpenAIClient openAi(LlmStub stub) {
        OpenAIClient c = OpenAIOkHttpClient.builder().baseUrl(stub.baseUrl()).apiKey("sk-test").maxRetries(0).build();
        toClose.add(c::close);
        return c;
    }

    private <T extends AutoCloseable> T closeLater(T c) {
        toClose.add(c);
        return c;
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void eachTokenReachesTheCallerWhileTheUpstreamIsHeldMidStream() throws Exception {
        CountDownLatch heldAtToken3 = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TokenWriteListener holdBeforeToken3 = new TokenWriteListener() {
            @Override
            public void tokenWritten(String prompt, int index, long nanoTime) {
                if (index == 3) {
                    heldAtToken3.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public void streamFinished(String prompt, int tokensWritten, boolean complete) {
            }
        };
        startPair(LlmStubConfig.builder().ttft(Duration.ofMillis(5)).tokenDelay(Duration.ofMillis(2))
                .tokenListener(holdBeforeToken3));
        List<String> received = new CopyOnWriteArrayList<>();
        Map<Integer, Long> arrivals = new ConcurrentHashMap<>();
        CompletableFuture<StreamRecording> call = CompletableFuture.supplyAsync(() ->
                StreamRecording.stream(client, StreamRecording.params("Record me, slowly"), t -> {
                    arrivals.put(received.size(), System.nanoTime());
                    received.add(t);
                }));

        await().atMost(Duration.ofSeconds(20)).until(() -> heldAtToken3.getCount() == 0 && received.size() == 3);
        // The upstream is blocked before writing token 3, and the caller already has tokens 0..2: nothing is held back.
        assertThat(received).containsExactlyElementsOf(TOKENS.subList(0, 3));
        assertThat(upstream.openStreams()).isEqualTo(1);
        assertThat(upstream.completedStreams()).isZero();
        assertThat(recordedFiles()).as("nothing is recorded before the stream ends").isEmpty();
        long released = System.nanoTime();
        release.countDown();

        StreamRecording seen = call.get(20, TimeUnit.SECONDS);
        assertThat(seen.error()).isNull();
        assertThat(seen.tokens()).containsExactlyElementsOf(TOKENS);
        assertThat(seen.finishReason()).isEqualTo("stop");
        assertThat(seen.usageSeen()).isTrue();

        ChatScript recorded = onlyRecording();
        assertThat(recorded.tokens()).containsExactlyElementsOf(TOKENS);
        assertThat(recorded.model()).isEqualTo(ChatModel.GPT_4O_MINI.asString());
        assertThat(recorded.matches("Record me, slowly")).isTrue();
        assertThat(recorded.matches("Record me, slowly!")).as("the prompt matches exactly").isFalse();
        assertThat(recorded.fault().kind()).isEqualTo(Fault.Kind.NONE);
        RecordedTiming timing = recorded.recordedTiming();
        assertThat(timing.tokenDelays()).hasSize(TOKENS.size()).allSatisfy(d -> assertThat(d.isNegative()).isFalse());
        // The proxy read token 2 before the caller did, and token 3 only after the release: the recorded gap spans
        // at least the time from the caller's token 2 to the release (whole ms, so allow the rounding).
        long heldMillis = (released - arrivals.get(2)) / 1_000_000;
        assertThat(timing.delayBefore(3).toMillis()).isGreaterThanOrEqualTo(heldMillis - 1);
    }

    @Test
    void aRecordedStreamReplaysTheSameTokensWithAtLeastTheRecordedDelays() throws Exception {
        startPair(LlmStubConfig.builder().ttft(Duration.ofMillis(30)).tokenDelay(Duration.ofMillis(15)));
        StreamRecording original = StreamRecording.stream(client, "Record me");
        assertThat(original.error()).isNull();
        ChatScript recorded = onlyRecording();
        RecordedTiming timing = recorded.recordedTiming();
        assertThat(recorded.ttft()).isNotNull();

        Map<Integer, Long> writes = new ConcurrentHashMap<>();
        TokenWriteListener replayWrites = new TokenWriteListener() {
            @Override
            public void tokenWritten(String prompt, int index, long nanoTime) {
                writes.put(index, nanoTime);
            }

            @Override
            public void streamFinished(String prompt, int tokensWritten, boolean complete) {
            }
        };
        LlmStub replay = closeLater(LlmStub.start(LlmStubConfig.builder().ttft(Duration.ZERO)
                .tokenDelay(Duration.ZERO).scripts(ChatScriptFiles.load(recordings)).tokenListener(replayWrites).build()));
        OpenAIClient replayClient = openAi(replay);
        StreamRecording replayed = StreamRecording.stream(replayClient, "Record me");

        assertThat(replayed.error()).isNull();
        assertThat(replayed.tokens()).containsExactlyElementsOf(original.tokens()).containsExactlyElementsOf(TOKENS);
        assertThat(replayed.finishReason()).isEqualTo("stop");
        // The replay pauses at least each recorded delay between two token writes.
        for (int i = 1; i < TOKENS.size(); i++) {
            assertThat(writes.get(i) - writes.get(i - 1)).as("gap before token %d", i)
                    .isGreaterThanOrEqualTo(timing.delayBefore(i).toNanos());
        }
        // Another prompt, or the same prompt for another model, is not this recording.
        assertThat(StreamRecording.stream(replayClient, "Record me too").tokens())
                .containsExactlyElementsOf(StubScripts.DEFAULT_TOKENS);
        assertThat(StreamRecording.stream(replayClient, ChatCompletionCreateParams.builder().model(ChatModel.GPT_4O)
                .addUserMessage("Record me").build()).tokens()).containsExactlyElementsOf(StubScripts.DEFAULT_TOKENS);
    }

    @Test
    void aRecordedPromptWithATokenDirectiveKeepsItsRecordedDelaysOnReplay() throws Exception {
        startPair(LlmStubConfig.builder().ttft(Duration.ofMillis(5)).tokenDelay(Duration.ofMillis(25)));
        String prompt = "Record me #stub:tokens=3";
        StreamRecording original = StreamRecording.stream(client, prompt);
        assertThat(original.tokens()).containsExactly("tok0", " tok1", " tok2");
        RecordedTiming timing = onlyRecording().recordedTiming();

        Map<Integer, Long> writes = new ConcurrentHashMap<>();
        LlmStub replay = closeLater(LlmStub.start(LlmStubConfig.builder().ttft(Duration.ZERO)
                .tokenDelay(Duration.ZERO).scripts(ChatScriptFiles.load(recordings))
                .tokenListener(new TokenWriteListener() {
                    @Override
                    public void tokenWritten(String p, int index, long nanoTime) {
                        writes.put(index, nanoTime);
                    }

                    @Override
                    public void streamFinished(String p, int tokensWritten, boolean complete) {
                    }
                }).build()));
        assertThat(StreamRecording.stream(openAi(replay), prompt).tokens()).isEqualTo(original.tokens());
        // The replay stub's own token delay is 0: gaps of the recorded ~25 ms come from the recording only.
        for (int i = 1; i < 3; i++) {
            assertThat(writes.get(i) - writes.get(i - 1)).as("gap before token %d", i)
                    .isGreaterThanOrEqualTo(timing.delayBefore(i).toNanos());
        }
    }

    @Test
    void noHeaderValueOrKeyIsEverWrittenToTheRecordings() throws Exception {
        startPair();
        String[] secrets = {"sk-secret-4f1e2d3c4b5a69788796a5b4c3d2e1f0", "azure-key-0123456789abcdef",
            "org-secretorg987654321", "proj_secretproject55555", "cookie-session-77777"};
        HttpRequest request = HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer " + secrets[0])
                .header("api-key", secrets[1])
                .header("OpenAI-Organization", secrets[2])
                .header("OpenAI-Project", secrets[3])
                .header("Cookie", "session=" + secrets[4])
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o-mini\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Record me\"}]}"))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"Rec\"", "data: [DONE]");

        RecordedChatRequest forwarded = upstream.takeRequest(Duration.ofSeconds(5));
        assertThat(forwarded.header("Authorization")).as("forwarded upstream").isEqualTo("Bearer " + secrets[0]);
        assertThat(forwarded.header("api-key")).isEqualTo(secrets[1]);
        await().atMost(Duration.ofSeconds(10)).until(() -> recordedFiles().size() == 1);
        List<Path> everything;
        try (Stream<Path> walk = Files.walk(recordings)) {
            everything = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(everything).isNotEmpty();
        for (Path file : everything) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(bytes).as(file.toString()).contains("Record me")
                    .doesNotContain(secrets).doesNotContainIgnoringCase("authorization").doesNotContain("Bearer");
        }
    }

    @Test
    void aNonStreamingAnswerIsPassedThroughAndRecordedAsOneToken() throws Exception {
        startPair();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(ChatModel.GPT_4O_MINI)
                .addUserMessage("Record me whole").build();
        String content = client.chat().completions().create(params).choices().get(0).message().content().orElseThrow();
        assertThat(content).isEqualTo(String.join("", TOKENS));
        ChatScript recorded = onlyRecording();
        assertThat(recorded.tokens()).containsExactly(content);

        LlmStub replay = closeLater(LlmStub.start(LlmStubConfig.builder().ttft(Duration.ZERO)
                .scripts(ChatScriptFiles.load(recordings)).build()));
        assertThat(openAi(replay).chat().completions().create(params).choices().get(0).message().content())
                .hasValue(content);
    }

    @Test
    void upstreamHttpErrorsPassThroughAndAreNotRecorded() throws Exception {
        startPair();
        StreamRecording busy = StreamRecording.stream(client, "busy #stub:http=429");
        assertThat(busy.error()).isInstanceOf(RateLimitException.class);
        RateLimitException limited = (RateLimitException) busy.error();
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().values("retry-after-ms")).containsExactly("200");

        HttpResponse<String> noKey = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/chat/completions"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"stream\":true,\"messages\":"
                                + "[{\"role\":\"user\",\"content\":\"Record me\"}]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(noKey.body()).contains("You didn't provide an API key");
        assertThat(upstream.requests()).hasSize(2);
        assertThat(recordedFiles()).isEmpty();
    }

    @Test
    void anUnreachableUpstreamIsAClear502() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        proxy = closeLater(LlmStub.start(LlmStubConfig.builder()
                .proxy(URI.create("http://127.0.0.1:" + closedPort + "/v1")).recordTo(recordings).build()));
        client = openAi(proxy);
        StreamRecording seen = StreamRecording.stream(client, "Record me");
        assertThat(seen.error()).isInstanceOf(InternalServerException.class);
        assertThat(((InternalServerException) seen.error()).statusCode()).isEqualTo(502);
        assertThat(seen.error().getMessage()).contains("upstream http://127.0.0.1:" + closedPort + "/v1 unreachable");
        assertThat(recordedFiles()).isEmpty();
    }

    static Stream<Arguments> upstreamEndings() {
        return Stream.of(
                Arguments.of("truncate=2", Fault.truncateAfter(2), null),
                Arguments.of("error-after=2", Fault.errorAfter(2), SseException.class));
    }

    @ParameterizedTest(name = "#stub:{0}")
    @MethodSource("upstreamEndings")
    void anUpstreamStreamThatEndsEarlyEndsTheCallersTheSameWayAndIsRecordedWithThatFault(
            String directive, Fault expected, Class<? extends Exception> clientError) throws Exception {
        startPair();
        String prompt = "Record me #stub:" + directive;
        StreamRecording seen = StreamRecording.stream(client, prompt);
        assertThat(seen.tokens()).containsExactlyElementsOf(TOKENS.subList(0, 2));
        assertThat(seen.finishReason()).isNull();
        if (clientError == null) {
            assertThat(seen.error()).isNull();
        } else {
            assertThat(seen.error()).isInstanceOf(clientError);
        }

        ChatScript recorded = onlyRecording();
        assertThat(recorded.tokens()).containsExactlyElementsOf(TOKENS.subList(0, 2));
        assertThat(recorded.fault()).isEqualTo(expected);
        // Replayed without the directive (a regex script for the same text would apply it again): the recorded
        // fault alone reproduces the ending.
        ChatScript withoutDirective = ChatScript.whenPromptMatches("^Record me again$").tokens(recorded.tokens())
                .recordedTiming(recorded.recordedTiming()).fault(recorded.fault());
        LlmStub replay = closeLater(LlmStub.start(LlmStubConfig.builder().ttft(Duration.ZERO)
                .script(withoutDirective).build()));
        StreamRecording replayed = StreamRecording.stream(openAi(replay), "Record me again");
        assertThat(replayed.tokens()).isEqualTo(seen.tokens());
        assertThat(replayed.finishReason()).isNull();
        assertThat(replayed.error() == null ? null : replayed.error().getClass())
                .isEqualTo(seen.error() == null ? null : seen.error().getClass());
        // And the recording as loaded answers the recorded prompt.
        LlmStub loaded = closeLater(LlmStub.start(LlmStubConfig.builder().scripts(ChatScriptFiles.load(recordings))
                .build()));
        assertThat(StreamRecording.stream(openAi(loaded), prompt).tokens()).isEqualTo(seen.tokens());
    }

    /**
     * The upstream resets its connection after 2 tokens. A raw socket plays the upstream, and resets only once the
     * caller holds both tokens: a reset discards bytes not yet read at the other end, so an upstream that resets
     * right after writing would make the number of tokens that get through a race.
     */
    @Test
    void anUpstreamResetMidStreamResetsTheCallerAndIsRecordedAsResetAfter() throws Exception {
        CountDownLatch callerHasTwo = new CountDownLatch(1);
        try (ServerSocket rawUpstream = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CompletableFuture<Void> upstreamDone = CompletableFuture.runAsync(() -> {
                try (Socket s = rawUpstream.accept()) {
                    readRequest(s.getInputStream());
                    ChunkRenderer render = new ChunkRenderer("chatcmpl-raw", 1_700_000_000L, "gpt-4o-mini", false);
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                    for (String event : List.of(render.roleChunk(), render.contentChunk("Rec"), render.contentChunk("orded"))) {
                        byte[] bytes = ChunkRenderer.sse(event).getBytes(StandardCharsets.UTF_8);
                        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
                        out.write(bytes);
                        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                    callerHasTwo.await();
                    s.setSoLinger(true, 0); // close() now sends RST
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            proxy = closeLater(LlmStub.start(LlmStubConfig.builder()
                    .proxy(URI.create("http://127.0.0.1:" + rawUpstream.getLocalPort() + "/v1")).recordTo(recordings)
                    .build()));
            client = openAi(proxy);
            StreamRecording seen = StreamRecording.stream(client, StreamRecording.params("Record me"), t -> {
                if (t.equals("orded")) {
                    callerHasTwo.countDown();
                }
            });
            upstreamDone.get(20, TimeUnit.SECONDS);
            assertThat(seen.tokens()).containsExactly("Rec", "orded");
            assertThat(seen.error()).isInstanceOf(OpenAIIoException.class);
        }
        ChatScript recorded = onlyRecording();
        assertThat(recorded.tokens()).containsExactly("Rec", "orded");
        assertThat(recorded.fault()).isEqualTo(Fault.resetAfter(2));
    }

    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended early");
            }
            head.append((char) b);
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length:\\s*(\\d+)")
                .matcher(head);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
    }

    @Test
    void aCallerLeavingBeforeTheUpstreamAnswersCancelsTheUpstreamRequestAndCloseDoesNotWaitForIt() throws Exception {
        try (ServerSocket silentUpstream = new ServerSocket(0, 2, InetAddress.getByName("127.0.0.1"))) {
            List<CompletableFuture<Void>> upstreamSawTheEnd = new CopyOnWriteArrayList<>();
            CountDownLatch requestsRead = new CountDownLatch(2);
            CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 2; i++) {
                    try {
                        Socket s = silentUpstream.accept();
                        readRequest(s.getInputStream());
                        requestsRead.countDown();
                        // Never answers; reading on tells when the proxy gives the request up.
                        upstreamSawTheEnd.add(CompletableFuture.runAsync(() -> {
                            try (s) {
                                while (s.getInputStream().read() >= 0) {
                                    // nothing is expected, but drain whatever comes
                                }
                            } catch (IOException e) {
                                // reset: given up too
                            }
                        }));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            proxy = closeLater(LlmStub.start(LlmStubConfig.builder()
                    .proxy(URI.create("http://127.0.0.1:" + silentUpstream.getLocalPort() + "/v1")).build()));
            try (Socket caller = new Socket(InetAddress.getByName("127.0.0.1"), proxy.port())) {
                String body = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"Record me\"}]}";
                caller.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Bearer sk-test\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
                caller.getOutputStream().flush();
                await().atMost(Duration.ofSeconds(10)).until(() -> requestsRead.getCount() == 1);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> upstreamSawTheEnd.size() == 1
                    && upstreamSawTheEnd.get(0).isDone());
            await().atMost(Duration.ofSeconds(10)).until(() -> proxy.clientDisconnects() == 1);

            CompletableFuture<StreamRecording> waiting = CompletableFuture.supplyAsync(
                    () -> StreamRecording.stream(client = openAi(proxy), "Record me"));
            await().atMost(Duration.ofSeconds(10)).until(() -> requestsRead.getCount() == 0);
            assertTimeoutPreemptively(Duration.ofSeconds(15), () -> proxy.close());
            assertThat(waiting.get(15, TimeUnit.SECONDS).error()).isNotNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> upstreamSawTheEnd.size() == 2
                    && upstreamSawTheEnd.get(1).isDone());
        }
    }

    @Test
    void aRecordingThatCannotBeWrittenIsLoggedAndTheCallerStillGetsItsAnswer() throws Exception {
        Path vanishing = Files.createDirectories(recordings.resolve("vanishing"));
        upstream = closeLater(LlmStub.start(LlmStubConfig.builder().ttft(Duration.ZERO).tokenDelay(Duration.ZERO)
                .script(ChatScript.whenPromptMatches("^Record me").tokens(TOKENS)).build()));
        proxy = closeLater(LlmStub.start(LlmStubConfig.builder()
                .proxy(URI.create(upstream.baseUrl())).recordTo(vanishing).build()));
        client = openAi(proxy);
        Files.delete(vanishing);
        for (int i = 0; i < 2; i++) {
            StreamRecording seen = StreamRecording.stream(client, "Record me");
            assertThat(seen.error()).isNull();
            assertThat(seen.tokens()).containsExactlyElementsOf(TOKENS);
        }
        // The proxy counts a stream once its recording has been attempted, after the caller's body has ended.
        await().atMost(Duration.ofSeconds(10)).until(() -> proxy.completedStreams() == 2);
        assertThat(Files.exists(vanishing)).isFalse();
    }

    @Test
    void aRequestWithoutModelIsRecordedForAnyModel() throws Exception {
        startPair();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/chat/completions"))
                        .header("Authorization", "Bearer sk-test")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"stream\":true,\"messages\":"
                                + "[{\"role\":\"user\",\"content\":\"Record me\"}]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        ChatScript recorded = onlyRecording();
        assertThat(recorded.model()).isNull();
        LlmStub replay = closeLater(LlmStub.start(LlmStubConfig.builder().scripts(ChatScriptFiles.load(recordings))
                .build()));
        assertThat(StreamRecording.stream(openAi(replay), ChatCompletionCreateParams.builder().model(ChatModel.GPT_4O)
                .addUserMessage("Record me").build()).tokens()).containsExactlyElementsOf(TOKENS);
    }

    @Test
    void aCallerLeavingAStalledStreamClosesTheUpstreamAndClosingTheProxyDoesNotHang() throws Exception {
        startPair();
        try (Socket caller = new Socket(InetAddress.getByName("127.0.0.1"), proxy.port())) {
            String body = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\","
                    + "\"content\":\"Record me #stub:stall=2\"}]}";
            OutputStream out = caller.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer sk-test\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = caller.getInputStream();
            StringBuilder seen = new StringBuilder();
            byte[] buffer = new byte[4096];
            while (!seen.toString().contains("\"orded\"")) {
                int n = in.read(buffer);
                assertThat(n).as("stream ended early: " + seen).isPositive();
                seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        }
        assertThat(upstream.awaitClientDisconnect(Duration.ofSeconds(10)))
                .as("the proxy closed its upstream connection when its caller left").isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> proxy.clientDisconnects() == 1);

        // A second stalled stream is still open when the proxy closes: close() resets it and returns.
        CompletableFuture<StreamRecording> stalled = CompletableFuture.supplyAsync(
                () -> StreamRecording.stream(client, "Record me #stub:stall=1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> upstream.openStreams() == 1 && proxy.openStreams() == 1);
        assertTimeoutPreemptively(Duration.ofSeconds(15), () -> proxy.close());
        StreamRecording cut = stalled.get(15, TimeUnit.SECONDS);
        assertThat(cut.error()).isNotNull();
        assertThat(recordedFiles()).isEmpty();
    }

    private List<Path> recordedFiles() throws IOException {
        try (Stream<Path> list = Files.list(recordings)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
        }
    }

    private ChatScript onlyRecording() throws IOException {
        await().atMost(Duration.ofSeconds(10)).until(() -> recordedFiles().size() == 1);
        List<ChatScript> scripts = ChatScriptFiles.load(recordings);
        assertThat(scripts).hasSize(1);
        return scripts.get(0);
    }
}
