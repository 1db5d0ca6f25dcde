package dev.summonersim.llmstub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.RateLimitException;
import com.openai.errors.SseException;
import com.openai.errors.UnauthorizedException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fault, by prompt directive and by Java script, as the official openai-java client sees it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class FaultTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private LlmStub stub;
    private OpenAIClient client;

    @BeforeAll
    void start() {
        stub = LlmStub.start(LlmStubConfig.builder().ttft(Duration.ofMillis(5)).tokenDelay(Duration.ofMillis(2)).build());
        client = OpenAIOkHttpClient.builder().baseUrl(stub.baseUrl()).apiKey("test").maxRetries(0).build();
    }

    @AfterAll
    void stop() {
        client.close();
        stub.close();
    }

    @BeforeEach
    void drainJournal() throws InterruptedException {
        while (stub.takeRequest(Duration.ZERO) != null) {
            // earlier tests' requests
        }
    }

    @Test
    void missingAuthorizationGetsOpenAisUnauthorizedBody() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stub.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o-mini\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("message").asText()).startsWith("You didn't provide an API key.");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void http401DirectiveIsUnauthorizedException() {
        StreamRecording r = StreamRecording.stream(client, "hi #stub:http=401");
        assertThat(r.error()).isInstanceOf(UnauthorizedException.class);
        assertThat(((UnauthorizedException) r.error()).statusCode()).isEqualTo(401);
        assertThat(r.tokens()).isEmpty();
    }

    @Test
    void http429DirectiveIsRateLimitExceptionWithRetryAfterMs() throws Exception {
        StreamRecording r = StreamRecording.stream(client, "hi #stub:http=429");
        assertThat(r.error()).isInstanceOf(RateLimitException.class);
        RateLimitException e = (RateLimitException) r.error();
        assertThat(e.statusCode()).isEqualTo(429);
        assertThat(e.code()).hasValue("rate_limit_exceeded");
        assertThat(e.headers().values("retry-after-ms")).containsExactly("200");
    }

    @Test
    void retryAfterMsIsHonouredByTheClientsRetries() throws InterruptedException {
        OpenAIClient retrying = OpenAIOkHttpClient.builder().baseUrl(stub.baseUrl()).apiKey("test")
                .maxRetries(2).build();
        try {
            StreamRecording r = StreamRecording.stream(retrying, "hi #stub:retry-after-ms=30");
            assertThat(r.error()).isInstanceOf(RateLimitException.class);
        } finally {
            retrying.close();
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            RecordedChatRequest req = stub.takeRequest(Duration.ofSeconds(5));
            assertThat(req).isNotNull();
            assertThat(req.header("x-stainless-retry-count")).isEqualTo(Integer.toString(attempt));
        }
    }

    @Test
    void http500DirectiveIsInternalServerException() {
        StreamRecording r = StreamRecording.stream(client, "hi #stub:http=500");
        assertThat(r.error()).isInstanceOf(InternalServerException.class);
        assertThat(((InternalServerException) r.error()).statusCode()).isEqualTo(500);
    }

    @Test
    void http503DirectiveIsInternalServerException() {
        StreamRecording r = StreamRecording.stream(client, "hi #stub:http=503");
        assertThat(r.error()).isInstanceOf(InternalServerException.class);
        assertThat(((InternalServerException) r.error()).statusCode()).isEqualTo(503);
        assertThat(((InternalServerException) r.error()).code()).hasValue("server_is_overloaded");
    }

    @Test
    void errorEventAfterTwoTokensIsSseException() {
        StreamRecording r = StreamRecording.stream(client, "hi #stub:error-after=2");
        assertThat(r.error()).isInstanceOf(SseException.class);
        assertThat(r.tokens()).containsExactlyElementsOf(StubScripts.tokensFor("hi #stub:error-after=2")).hasSize(2);
    }

    @Test
    void resetAfterTwoTokensIsOpenAiIoException() {
        StreamRecording r = StreamRecording.stream(client, "hi #stub:reset-after=2");
        assertThat(r.error()).isInstanceOf(OpenAIIoException.class);
        assertThat(r.tokens()).containsExactly("I'm", " just");
        assertThat(r.finishReason()).isNull();
    }

    @Test
    void truncatedStreamEndsWithoutErrorAndWithoutFinishReason() {
        StreamRecording r = StreamRecording.stream(client, "hi #stub:truncate");
        assertThat(r.error()).isNull();
        assertThat(r.tokens()).containsExactlyElementsOf(StubScripts.DEFAULT_TOKENS);
        assertThat(r.finishReason()).isNull();
        assertThat(r.usageSeen()).isFalse();
    }

    @Test
    void malformedEventIsOpenAiInvalidDataException() {
        StreamRecording r = StreamRecording.stream(client, "hi #stub:malformed-after=1");
        assertThat(r.error()).isInstanceOf(OpenAIInvalidDataException.class);
        assertThat(r.tokens()).containsExactly("I'm");
    }

    @Test
    void stallIsAReadTimeoutForTheClient() {
        OpenAIClient impatient = OpenAIOkHttpClient.builder().baseUrl(stub.baseUrl()).apiKey("test")
                .maxRetries(0).timeout(Timeout.builder().read(Duration.ofMillis(500)).build()).build();
        try {
            StreamRecording r = StreamRecording.stream(impatient, "hi #stub:stall");
            assertThat(r.error()).isInstanceOf(OpenAIIoException.class)
                    .hasCauseInstanceOf(SocketTimeoutException.class);
            assertThat(r.tokens()).containsExactly("I'm");
        } finally {
            impatient.close();
        }
    }

    @Test
    void slowFirstTokenDirective() {
        StreamRecording r = StreamRecording.stream(client, "#stub:ttft=300 #stub:tokens=2");
        assertThat(r.error()).isNull();
        assertThat(r.millisToToken(0)).isGreaterThanOrEqualTo(290);
        assertThat(r.tokens()).containsExactly("tok0", " tok1");
    }

    @Test
    void delayDirectiveSpacesTokens() {
        StreamRecording r = StreamRecording.stream(client, "#stub:delay=50 #stub:tokens=4");
        assertThat(r.millisToToken(3) - r.millisToToken(0)).isGreaterThanOrEqualTo(3 * 45);
    }

    @Test
    void unknownDirectiveIsABadRequestNamingIt() {
        StreamRecording r = StreamRecording.stream(client, "hi #stub:explode");
        assertThat(r.error()).isInstanceOf(com.openai.errors.BadRequestException.class)
                .hasMessageContaining("#stub:explode");
    }

    static Stream<Arguments> scriptedFaults() {
        return Stream.of(
                Arguments.of(Fault.http(401), UnauthorizedException.class, 0),
                Arguments.of(Fault.rateLimited(Duration.ofMillis(10)), RateLimitException.class, 0),
                Arguments.of(Fault.http(500), InternalServerException.class, 0),
                Arguments.of(Fault.http(503), InternalServerException.class, 0),
                Arguments.of(Fault.errorAfter(1), SseException.class, 1),
                Arguments.of(Fault.resetAfter(2), OpenAIIoException.class, 2),
                Arguments.of(Fault.malformedAfter(1), OpenAIInvalidDataException.class, 1),
                Arguments.of(Fault.truncateAfter(2), null, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scriptedFaults")
    void scriptedFaultsSurfaceLikeTheirDirectives(Fault fault, Class<? extends Throwable> expected, int tokens) {
        String marker = "scripted-" + fault.kind() + "-" + fault.status();
        stub.script(ChatScript.whenPromptMatches(marker).tokens("It", "'s", " sunny").fault(fault));
        StreamRecording r = StreamRecording.stream(client, marker);
        if (expected == null) {
            assertThat(r.error()).isNull();
            assertThat(r.finishReason()).isNull();
        } else {
            assertThat(r.error()).isInstanceOf(expected);
        }
        assertThat(r.tokens()).containsExactlyElementsOf(ChatScript.anyPrompt().tokens("It", "'s", " sunny")
                .fault(fault).tokensFor(marker)).hasSize(tokens);
    }

    @Test
    void scriptedStallCanBeCutByTheClientReadTimeout() {
        stub.script(ChatScript.whenPromptMatches("scripted-stall").tokens("a", "b", "c").fault(Fault.stallAfter(2)));
        OpenAIClient impatient = OpenAIOkHttpClient.builder().baseUrl(stub.baseUrl()).apiKey("test")
                .maxRetries(0).timeout(Timeout.builder().read(Duration.ofMillis(300)).build()).build();
        try {
            StreamRecording r = StreamRecording.stream(impatient, "scripted-stall");
            assertThat(r.error()).isInstanceOf(OpenAIIoException.class);
            assertThat(r.tokens()).containsExactly("a", "b");
        } finally {
            impatient.close();
        }
    }

    @Test
    void nonStreamingFaults() {
        com.openai.models.chat.completions.ChatCompletionCreateParams.Builder p =
                com.openai.models.chat.completions.ChatCompletionCreateParams.builder()
                        .model(com.openai.models.ChatModel.GPT_4O_MINI);
        assertThatThrownBy(() -> client.chat().completions().create(p.addUserMessage("#stub:http=429").build()))
                .isInstanceOf(RateLimitException.class);
        assertThatThrownBy(() -> client.chat().completions().create(
                p.messages(java.util.List.of()).addUserMessage("#stub:error-after=3").build()))
                .isInstanceOf(InternalServerException.class);
        assertThatThrownBy(() -> client.chat().completions().create(
                p.messages(java.util.List.of()).addUserMessage("#stub:reset-after=3").build()))
                .isInstanceOf(OpenAIIoException.class);
        assertThatThrownBy(() -> client.chat().completions().create(
                p.messages(java.util.List.of()).addUserMessage("#stub:truncate").build()))
                .isInstanceOf(OpenAIInvalidDataException.class);
        assertThatThrownBy(() -> client.chat().completions().create(
                p.messages(java.util.List.of()).addUserMessage("#stub:malformed-after=1").build()))
                .isInstanceOf(OpenAIInvalidDataException.class);
        OpenAIClient impatient = OpenAIOkHttpClient.builder().baseUrl(stub.baseUrl()).apiKey("test")
                .maxRetries(0).timeout(Timeout.builder().read(Duration.ofMillis(300)).build()).build();
        try {
            assertThatThrownBy(() -> impatient.chat().completions().create(
                    p.messages(java.util.List.of()).addUserMessage("#stub:stall").build()))
                    .isInstanceOf(OpenAIIoException.class).hasCauseInstanceOf(SocketTimeoutException.class);
        } finally {
            impatient.close();
        }
    }
}
