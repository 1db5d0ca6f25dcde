package dev.summonersim.llmstub;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.summonersim.llmstub.internal.ChatRequestBody;
import dev.summonersim.llmstub.internal.ChunkRenderer;
import dev.summonersim.llmstub.internal.Reply;
import dev.summonersim.llmstub.internal.StreamPlan;
import dev.summonersim.llmstub.internal.StreamPlan.TimedEvent;
import dev.summonersim.llmstub.internal.StreamPlanner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Seeded lognormal timing and answer length, the token-write listener, and the open-stream limit. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StubTimingTest {

    private static ChatRequestBody request(String prompt) {
        return ChatRequestBody.parse("{\"model\": \"m\", \"stream\": true, \"messages\": [{\"role\": \"user\", "
                + "\"content\": \"" + prompt + "\"}]}");
    }

    /** Plans a request the way the stub does: TTFT and length first, then the gaps, all from one source. */
    private static StreamPlan plan(LlmStubConfig config, String prompt) {
        StreamPlanner planner = new StreamPlanner(config.jitter(), config.seed());
        Random random = planner.random(prompt);
        Duration ttft = Duration.ofMillis(Math.round(config.ttft().draw(random)));
        Reply reply = Reply.resolve(ChatScript.anyPrompt(), prompt, config.defaultTokens(random), ttft,
                config.tokenDelay());
        return planner.stream(reply, request(prompt), new ChunkRenderer("id", 0, "m", false), random);
    }

    private static List<Long> tokenDelays(StreamPlan plan) {
        return plan.events().stream().filter(e -> e.tokenIndex() >= 0).map(TimedEvent::delayMillis).toList();
    }

    @Test
    void spreadsAreDrawnPerRequestAndPerGapFromTheSeededPromptSource() {
        Lognormal ttft = new Lognormal(300, 900);
        Lognormal gap = new Lognormal(20, 80);
        Lognormal length = new Lognormal(50, 200);
        LlmStubConfig config = LlmStubConfig.builder().ttft(ttft).tokenDelay(gap).tokens(length).seed(9).build();
        StreamPlan plan = plan(config, "prompt 1");

        // The expected draws, made independently from the same source in the same order.
        Random expected = new Random(9 * 31 + "prompt 1".hashCode());
        long expectedTtft = Math.round(ttft.draw(expected));
        int expectedLength = (int) Math.round(length.draw(expected));
        List<Long> expectedGaps = new ArrayList<>();
        expectedGaps.add(0L); // the first token follows the role chunk at once
        for (int i = 1; i < expectedLength; i++) {
            expectedGaps.add(Math.round(gap.draw(expected)));
        }
        assertThat(plan.events().get(0).delayMillis()).isEqualTo(expectedTtft);
        assertThat(tokenDelays(plan)).containsExactlyElementsOf(expectedGaps);
        assertThat(plan.events().stream().filter(e -> e.tokenIndex() >= 0).map(TimedEvent::tokenIndex).toList())
                .isEqualTo(java.util.stream.IntStream.range(0, expectedLength).boxed().toList());
        assertThat(expectedGaps.stream().distinct().count()).as("gaps vary").isGreaterThan(5);

        // Same seed and prompt: same plan. Another prompt: other draws.
        assertThat(tokenDelays(plan(config, "prompt 1"))).isEqualTo(tokenDelays(plan));
        assertThat(plan(config, "prompt 2").events().get(0).delayMillis()).isNotEqualTo(expectedTtft);
    }

    @Test
    void singleNumbersKeepTheirExactMeaning() {
        LlmStubConfig config = LlmStubConfig.builder().ttft(Duration.ofMillis(70)).tokenDelay(Duration.ofMillis(9))
                .tokens(Lognormal.fixed(4)).build();
        StreamPlan plan = plan(config, "anything");
        assertThat(plan.events().get(0).delayMillis()).isEqualTo(70);
        assertThat(tokenDelays(plan)).containsExactly(0L, 9L, 9L, 9L);
        assertThat(plan.text()).contains("\"tok0\"", "\" tok3\"").doesNotContain("tok4");
        // Without --tokens the default answer stays.
        assertThat(LlmStubConfig.defaults().defaultTokens(new Random(1))).isEqualTo(StubScripts.DEFAULT_TOKENS);
    }

    @Test
    void theListenerSeesEveryTokenWriteInOrderAndTheStreamsEnd() {
        Map<String, List<Integer>> indexes = new ConcurrentHashMap<>();
        Map<String, Integer> finished = new ConcurrentHashMap<>();
        TokenWriteListener listener = new TokenWriteListener() {
            @Override
            public void tokenWritten(String prompt, int index, long nanoTime) {
                indexes.computeIfAbsent(prompt, p -> new CopyOnWriteArrayList<>()).add(index);
            }

            @Override
            public void streamFinished(String prompt, int tokensWritten, boolean complete) {
                finished.put(prompt, complete ? tokensWritten : -tokensWritten);
            }
        };
        try (LlmStub stub = LlmStub.start(LlmStubConfig.builder().ttft(Duration.ofMillis(1))
                .tokenDelay(new Lognormal(1, 3)).tokens(new Lognormal(8, 20)).seed(3).tokenListener(listener).build());
             ClosingClient closing = new ClosingClient(stub)) {
            OpenAIClient client = closing.client;
            List<String> received = stream(client, "count me");
            assertThat(received).isNotEmpty();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> finished.containsKey("count me"));
            assertThat(finished).containsEntry("count me", received.size());
            assertThat(stub.streamsThatWaited()).isZero();
            assertThat(indexes.get("count me"))
                    .isEqualTo(java.util.stream.IntStream.range(0, received.size()).boxed().toList());
        }
    }

    @Test
    void peakOpenStreamsShowsWhenTheStubIsTheLimit() throws Exception {
        try (LlmStub stub = LlmStub.start(LlmStubConfig.builder().ttft(Duration.ofMillis(1))
                .tokenDelay(Duration.ofMillis(50)).tokens(Lognormal.fixed(10)).maxOpenStreams(1).build());
             ClosingClient closing = new ClosingClient(stub)) {
            OpenAIClient client = closing.client;
            assertThat(stub.maxOpenStreams()).isEqualTo(1);
            CountDownLatch done = new CountDownLatch(2);
            for (int i = 0; i < 2; i++) {
                String prompt = "p" + i;
                new Thread(() -> {
                    stream(client, prompt);
                    done.countDown();
                }).start();
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(stub.peakOpenStreams()).isEqualTo(stub.maxOpenStreams());
            assertThat(stub.streamsThatWaited()).isEqualTo(1);
            assertThat(stub.openStreams()).isZero();
        }
    }

    /** OpenAIClient has close() but is not AutoCloseable. */
    private static final class ClosingClient implements AutoCloseable {
        final OpenAIClient client;

        ClosingClient(LlmStub stub) {
            client = OpenAIOkHttpClient.builder().baseUrl(stub.baseUrl()).apiKey("k").maxRetries(0).build();
        }

        @Override
        public void close() {
            client.close();
        }
    }

    private static List<String> stream(OpenAIClient client, String prompt) {
        List<String> tokens = new ArrayList<>();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(ChatModel.GPT_4O_MINI)
                .addUserMessage(prompt).build();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(
                    choice -> choice.delta().content().filter(t -> !t.isEmpty()).ifPresent(tokens::add)));
        }
        return tokens;
    }
}
