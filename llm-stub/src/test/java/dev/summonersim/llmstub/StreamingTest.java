package dev.summonersim.llmstub;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamingTest {

    private LlmStub stub;
    private OpenAIClient client;

    private void start(LlmStubConfig config) {
        stub = LlmStub.start(config);
        client = OpenAIOkHttpClient.builder().baseUrl(stub.baseUrl()).apiKey("test").maxRetries(0).build();
    }

    private void startFast() {
        start(LlmStubConfig.builder().ttft(Duration.ofMillis(5)).tokenDelay(Duration.ofMillis(1)).build());
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void baseUrlIsLoopbackWithTheBoundPort() {
        startFast();
        assertThat(stub.port()).isPositive();
        assertThat(stub.baseUrl()).isEqualTo("http://127.0.0.1:" + stub.port() + "/v1");
    }

    @Test
    void streamsTheDefaultReplyAsRealisticChunks() {
        startFast();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> sr =
                     client.chat().completions().createStreaming(StreamRecording.params("How are you?"))) {
            sr.stream().forEach(chunks::add);
        }
        List<String> tokens = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<Long> created = new HashSet<>();
        for (ChatCompletionChunk c : chunks) {
            ids.add(c.id());
            created.add(c.created());
            if (!c.choices().isEmpty()) {
                c.choices().get(0).delta().content().filter(s -> !s.isEmpty()).ifPresent(tokens::add);
            }
        }
        assertThat(tokens).containsExactlyElementsOf(StubScripts.DEFAULT_TOKENS);
        assertThat(ids).singleElement().asString().startsWith("chatcmpl-");
        assertThat(created).hasSize(1);
        assertThat(chunks.get(0).choices().get(0).delta().role()).isPresent();
        assertThat(chunks.get(chunks.size() - 2).choices().get(0).finishReason())
                .hasValueSatisfying(f -> assertThat(f.asString()).isEqualTo("stop"));
        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.choices()).isEmpty();
        assertThat(last.usage()).hasValueSatisfying(u -> assertThat(u.completionTokens()).isEqualTo(tokens.size()));
        assertThat(String.join("", tokens)).startsWith("I'm just a computer program")
                .contains("null", " 42", "true", "{}");
        assertThat(stub.completedStreams()).isEqualTo(1);
    }

    @Test
    void omitsTheUsageChunkUnlessAsked() {
        startFast();
        ChatCompletionCreateParams p = ChatCompletionCreateParams.builder().model(ChatModel.GPT_4O_MINI)
                .addUserMessage("hi").build();
        StreamRecording r = StreamRecording.stream(client, p);
        assertThat(r.error()).isNull();
        assertThat(r.usageSeen()).isFalse();
        assertThat(r.finishReason()).isEqualTo("stop");
    }

    @Test
    void answersNonStreamingRequestsWithOneCompletion() {
        startFast();
        ChatCompletion c = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI).addUserMessage("hello").build());
        assertThat(c.choices().get(0).message().content()).hasValue(String.join("", StubScripts.DEFAULT_TOKENS));
        assertThat(c.choices().get(0).finishReason().asString()).isEqualTo("stop");
    }

    @Test
    void tokensArriveIncrementallyOnTheirSchedule() {
        // 150 ms to first token, then 60 ms per token: the first token must arrive long before the last is written.
        start(LlmStubConfig.builder().ttft(Duration.ofMillis(150)).tokenDelay(Duration.ofMillis(60)).build());
        StreamRecording r = StreamRecording.stream(client, "#stub:tokens=10");
        assertThat(r.error()).isNull();
        assertThat(r.tokens()).containsExactlyElementsOf(StubScripts.numberedTokens(10));
        assertThat((r.headersNanos() - r.startNanos()) / 1_000_000).as("headers before the first token")
                .isLessThan(r.millisToToken(0));
        assertThat(r.millisToToken(0)).as("ttft").isGreaterThanOrEqualTo(140);
        // The last token is written at least 9 x 60 ms after the first: it cannot have arrived in the same burst.
        assertThat(r.millisToToken(9) - r.millisToToken(0)).isGreaterThanOrEqualTo(9 * 55);
        for (int i = 1; i < 10; i++) {
            assertThat(r.arrivalNanos().get(i)).isGreaterThanOrEqualTo(r.arrivalNanos().get(i - 1));
        }
    }

    @Test
    void seededJitterStillDeliversEveryTokenInOrder() {
        start(LlmStubConfig.builder().ttft(Duration.ZERO).tokenDelay(Duration.ofMillis(3))
                .jitter(Duration.ofMillis(3)).seed(7).build());
        StreamRecording r = StreamRecording.stream(client, "#stub:json-like");
        assertThat(r.error()).isNull();
        assertThat(r.tokens()).containsExactlyElementsOf(StubScripts.JSON_LIKE_TOKENS);
    }

    @Test
    void journalShowsThePromptThatWasSent() throws InterruptedException {
        startFast();
        StreamRecording.stream(client, "What is the weather in Paris?");
        RecordedChatRequest taken = stub.takeRequest(Duration.ofSeconds(5));
        assertThat(taken).isNotNull();
        assertThat(taken.prompt()).isEqualTo("What is the weather in Paris?");
        assertThat(taken.path()).isEqualTo("/v1/chat/completions");
        assertThat(taken.stream()).isTrue();
        assertThat(taken.includeUsage()).isTrue();
        assertThat(taken.header("Authorization")).isEqualTo("Bearer test");
        assertThat(stub.requests()).extracting(RecordedChatRequest::prompt)
                .containsExactly("What is the weather in Paris?");
        stub.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[-1].content", com.github.tomakehurst.wiremock.client.WireMock.containing("Paris"))));
        assertThat(stub.takeRequest(Duration.ofMillis(50))).isNull();
    }

    @Test
    void scriptsMatchOnTheLastUserMessageAndLaterScriptsWin() {
        startFast();
        stub.script(ChatScript.whenPromptMatches("(?i)weather").tokens("It", "'s", " sunny"));
        stub.script(ChatScript.whenPromptMatches("(?i)weather in oslo").tokens("Snow", "."));
        assertThat(StreamRecording.stream(client, "How is the WEATHER?").text()).isEqualTo("It's sunny");
        assertThat(StreamRecording.stream(client, "weather in Oslo please").text()).isEqualTo("Snow.");
        assertThat(StreamRecording.stream(client, "tell me a joke").tokens())
                .containsExactlyElementsOf(StubScripts.DEFAULT_TOKENS);
    }

    @Test
    void enqueuedScriptsAnswerOnceInOrder() {
        startFast();
        stub.enqueue(ChatScript.anyPrompt().tokens("first"));
        stub.enqueue(ChatScript.anyPrompt().tokens("second"));
        assertThat(StreamRecording.stream(client, "a").text()).isEqualTo("first");
        assertThat(StreamRecording.stream(client, "b").text()).isEqualTo("second");
        assertThat(StreamRecording.stream(client, "c").tokens()).containsExactlyElementsOf(StubScripts.DEFAULT_TOKENS);
    }

    @Test
    void directivesApplyOnTopOfAScript() {
        startFast();
        stub.script(ChatScript.whenPromptMatches("count").tokens("one", " two", " three"));
        StreamRecording r = StreamRecording.stream(client, "count #stub:truncate=2");
        assertThat(r.tokens()).containsExactly("one", " two");
        assertThat(r.finishReason()).isNull();
    }

    @Test
    void jdkHttpClientGetsTheStreamOverHttp11() throws Exception {
        startFast();
        java.net.http.HttpClient jdk = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<java.util.stream.Stream<String>> response = jdk.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(stub.baseUrl() + "/chat/completions"))
                        .header("Authorization", "Bearer k").header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"stream\":true,"
                                + "\"messages\":[{\"role\":\"user\",\"content\":\"#stub:tokens=3\"}]}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertThat(response.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_1_1);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream; charset=utf-8");
        List<String> data = response.body().filter(l -> l.startsWith("data: ")).toList();
        assertThat(data).hasSize(6).last().isEqualTo("data: [DONE]");
        assertThat(data.get(1)).contains("\"content\":\"tok0\"");
    }

    @Test
    void extraWireMockStubsAndTheirFaultsStillWork() throws Exception {
        startFast();
        stub.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/v1/models")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"data\":[]}")));
        stub.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/v1/broken")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        java.net.http.HttpClient jdk = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> models = jdk.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(stub.baseUrl() + "/models")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(models.body()).isEqualTo("{\"data\":[]}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdk.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(stub.baseUrl() + "/broken")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.io.IOException.class);
        java.net.http.HttpResponse<String> missing = jdk.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(stub.baseUrl() + "/nothing")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void concurrentStreamsEachGetTheirOwnTokens() throws Exception {
        start(LlmStubConfig.builder().ttft(Duration.ofMillis(5)).tokenDelay(Duration.ofMillis(5)).build());
        List<java.util.concurrent.CompletableFuture<StreamRecording>> futures = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            String prompt = "stream " + i + " #stub:tokens=" + (10 * i);
            futures.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> StreamRecording.stream(client, prompt)));
        }
        for (int i = 1; i <= 8; i++) {
            StreamRecording r = futures.get(i - 1).get(30, TimeUnit.SECONDS);
            assertThat(r.error()).isNull();
            assertThat(r.tokens()).isEqualTo(StubScripts.numberedTokens(10 * i));
        }
        assertThat(stub.completedStreams()).isEqualTo(8);
    }

    @Test
    void longStreamsDeliverThousandsOfTokens() {
        start(LlmStubConfig.builder().ttft(Duration.ZERO).tokenDelay(Duration.ZERO).build());
        StreamRecording r = StreamRecording.stream(client, "go #stub:tokens=3000");
        assertThat(r.error()).isNull();
        assertThat(r.tokens()).hasSize(3000).containsExactlyElementsOf(StubScripts.tokensFor("go #stub:tokens=3000"));
        assertThat(r.finishReason()).isEqualTo("stop");
    }
}
