package dev.summonersim.llmstub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIIoException;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.summonersim.sdk.readme.ReadmeSnippet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Java example of llm-stub/README.md: compiled and run here, and the README shows exactly this text. */
class ReadmeExampleTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void weatherStreamIsCutAfterTwoTokens() throws Exception {
        // readme-example:begin
        try (LlmStub stub = LlmStub.start(LlmStubConfig.builder()
                .ttft(Duration.ofMillis(20)).tokenDelay(Duration.ofMillis(5)).build())) {
            // 1. Script the stub.
            stub.script(ChatScript.whenPromptMatches("(?i)weather")
                    .tokens("It", "'s", " sunny")
                    .fault(Fault.resetAfter(2)));

            // 2. Run the code under test against stub.baseUrl().
            OpenAIClient client = OpenAIOkHttpClient.builder()
                    .baseUrl(stub.baseUrl()).apiKey("test").maxRetries(0).build();
            StringBuilder text = new StringBuilder();
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                    .model(ChatModel.GPT_4O_MINI).addUserMessage("What's the weather?").build();
            assertThatThrownBy(() -> {
                try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
                    stream.stream().forEach(chunk -> chunk.choices().forEach(
                            choice -> choice.delta().content().ifPresent(text::append)));
                }
            }).isInstanceOf(OpenAIIoException.class);
            client.close();

            // 3. Verify what was sent and received.
            assertThat(text.toString()).isEqualTo("It's");
            assertThat(stub.takeRequest(Duration.ofSeconds(1)).prompt()).isEqualTo("What's the weather?");
        }
        // readme-example:end
    }

    @Test
    void readmeShowsExactlyThisExample() {
        assertThat(ReadmeSnippet.javaBlocks(Path.of("README.md")))
                .contains(ReadmeSnippet.markedExample(Path.of("src/test/java/dev/summonersim/llmstub/ReadmeExampleTest.java")));
    }
}
