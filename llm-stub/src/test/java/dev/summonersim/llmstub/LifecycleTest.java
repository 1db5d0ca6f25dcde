package dev.summonersim.llmstub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIIoException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LifecycleTest {

    private static LlmStub fastStub() {
        return LlmStub.start(LlmStubConfig.builder().ttft(Duration.ofMillis(5)).tokenDelay(Duration.ofMillis(20)).build());
    }

    private static OpenAIClient client(LlmStub stub) {
        return OpenAIOkHttpClient.builder().baseUrl(stub.baseUrl()).apiKey("test").maxRetries(0).build();
    }

    @Test
    void closeDoesNotHangWithAStalledStreamOpen() throws Exception {
        LlmStub stub = fastStub();
        OpenAIClient client = client(stub);
        try {
            BlockingQueue<String> tokens = new LinkedBlockingQueue<>();
            CompletableFuture<StreamRecording> consumer = CompletableFuture.supplyAsync(
                    () -> StreamRecording.stream(client, StreamRecording.params("hi #stub:stall"), tokens::add));
            assertThat(tokens.poll(10, TimeUnit.SECONDS)).as("the token before the stall").isEqualTo("I'm");
            assertTimeoutPreemptively(Duration.ofSeconds(5), stub::close);
            // The stalled client is released too: the stub resets the connection on shutdown.
            StreamRecording r = consumer.get(10, TimeUnit.SECONDS);
            assertThat(r.error()).isInstanceOf(OpenAIIoException.class);
            assertThat(r.tokens()).containsExactly("I'm");
        } finally {
            client.close();
            stub.close();
        }
    }

    @Test
    void closeIsIdempotentAndFreesThePort() {
        LlmStub stub = fastStub();
        stub.close();
        stub.close();
        assertThat(stub.wireMock().isRunning()).isFalse();
    }

    @Test
    void clientCancellationIsVisibleToTheStub() throws Exception {
        try (LlmStub stub = fastStub()) {
            // 500 tokens at 20 ms would take 10 s: a disconnect seen within 5 s proves the stub stopped writing early.
            cancelAfterTokens(stub, "#stub:tokens=500", 2);
            assertThat(stub.awaitClientDisconnect(Duration.ofSeconds(5))).isTrue();
            assertThat(stub.clientDisconnects()).isEqualTo(1);
            assertThat(stub.completedStreams()).isZero();
        }
    }

    @Test
    void cancellingAStalledStreamIsVisibleToTheStub() throws Exception {
        try (LlmStub stub = fastStub()) {
            cancelAfterTokens(stub, "#stub:stall", 1);
            assertThat(stub.awaitClientDisconnect(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void cancellingDuringALongTimeToFirstTokenIsVisibleToTheStub() throws Exception {
        try (LlmStub stub = fastStub()) {
            cancelAfterTokens(stub, "#stub:ttft=20000", 0);
            assertThat(stub.awaitClientDisconnect(Duration.ofSeconds(5))).isTrue();
        }
    }

    /** Streams {@code prompt}, cancels the OkHttp call after {@code tokens} tokens (after the headers for 0), as stream-agent does. */
    private static void cancelAfterTokens(LlmStub stub, String prompt, int tokens) throws Exception {
        BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(stub.baseUrl()).apiKey("test").maxRetries(0)
                .addInterceptor(chain -> {
                    calls.add(chain.call());
                    return chain.proceed(chain.request());
                })
                .build();
        try {
            CompletableFuture<Throwable> consumer = CompletableFuture.supplyAsync(() -> {
                try (StreamResponse<ChatCompletionChunk> sr = client.chat().completions()
                        .createStreaming(StreamRecording.params(prompt))) {
                    received.add("<headers>");
                    sr.stream().forEach(c -> c.choices().forEach(ch -> ch.delta().content()
                            .filter(s -> !s.isEmpty()).ifPresent(received::add)));
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("<headers>");
            for (int i = 0; i < tokens; i++) {
                assertThat(received.poll(10, TimeUnit.SECONDS)).as("token %d", i).isNotNull();
            }
            Call call = calls.poll(1, TimeUnit.SECONDS);
            assertThat(call).isNotNull();
            call.cancel();
            assertThat(consumer.get(10, TimeUnit.SECONDS)).isInstanceOf(OpenAIIoException.class);
        } finally {
            client.close();
        }
    }

    @Test
    void awaitClientDisconnectTimesOutWhenNobodyLeft() throws Exception {
        try (LlmStub stub = fastStub()) {
            OpenAIClient client = client(stub);
            try {
                assertThat(StreamRecording.stream(client, "#stub:tokens=2").error()).isNull();
            } finally {
                client.close();
            }
            assertThat(stub.awaitClientDisconnect(Duration.ofMillis(100))).isFalse();
            assertThat(stub.completedStreams()).isEqualTo(1);
        }
    }
}
