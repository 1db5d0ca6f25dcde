package dev.summonersim.llmstub;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StreamingTest {

    private LlmStub stub;
    private OpenAIClient client;

    @BeforeEach
    void start() {
        stub = LlmStub.start(LlmStubConfig.builder().ttft(Duration.ofMillis(5)).tokenDelay(Duration.ofMillis(2)).build());
        client = OpenAIOkHttpClient.builder().baseUrl(stub.baseUrl()).apiKey("test").maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    static ChatCompletionCreateParams params(String prompt) {
        return ChatCompletionCreateParams.builder().model(ChatModel.GPT_4O_MINI).addUserMessage(prompt).build();
    }

    @Test
    void streamsTheDefaultReplyWithRealisticChunks() {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        ChatCompletionCreateParams p = params("How are you?").toBuilder()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        try (StreamResponse<ChatCompletionChunk> sr = client.chat().completions().createStreaming(p)) {
            sr.stream().forEach(chunks::add);
        }
        StringBuilder text = new StringBuilder();
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
        tokens.forEach(text::append);
        assertThat(tokens).containsExactlyElementsOf(StubScripts.DEFAULT_TOKENS);
        assertThat(ids).hasSize(1);
        assertThat(created).hasSize(1);
        assertThat(chunks.get(0).choices().get(0).delta().role()).isPresent();
        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.choices()).isEmpty();
        assertThat(last.usage()).hasValueSatisfying(u -> assertThat(u.completionTokens()).isEqualTo(tokens.size()));
        assertThat(chunks.get(chunks.size() - 2).choices().get(0).finishReason())
                .hasValueSatisfying(f -> assertThat(f.asString()).isEqualTo("stop"));
        assertThat(text.toString()).startsWith("I'm just a computer program").contains("null", " 42", "true", "{}");
    }

    @Test
    void answersNonStreamingRequestsWithOneCompletion() {
        ChatCompletion c = client.chat().completions().create(params("hello"));
        assertThat(c.choices().get(0).message().content()).hasValue(String.join("", StubScripts.DEFAULT_TOKENS));
    }
}
