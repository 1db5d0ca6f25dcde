package dev.summonersim.llmstub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.RateLimitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ChatScriptFilesTest {

    /** The example shipped with the module (surefire runs in the module directory). */
    private static final Path EXAMPLES = Path.of("examples");

    @Test
    void loadsTheShippedExample() {
        List<ChatScript> scripts = ChatScriptFiles.load(EXAMPLES);
        assertThat(scripts).hasSize(9);
        ChatScript weather = scripts.get(0);
        assertThat(weather.promptRegex()).isEqualTo("(?i)weather");
        assertThat(weather.tokens()).startsWith("It", "'s", " sunny");
        assertThat(weather.ttft()).isEqualTo(Duration.ofMillis(300));
        assertThat(weather.tokenDelay()).isEqualTo(Duration.ofMillis(60));
        assertThat(scripts.get(1).tokens()).isEqualTo(StubScripts.JSON_LIKE_TOKENS);
        assertThat(scripts.get(2).tokens()).hasSize(5000);
        assertThat(scripts.get(3).fault()).isEqualTo(Fault.rateLimited(Duration.ofMillis(500)));
        assertThat(scripts.get(4).fault()).isEqualTo(Fault.resetAfter(3));
        assertThat(scripts.get(5).fault()).isEqualTo(Fault.errorAfter(4));
        assertThat(scripts.get(6).fault()).isEqualTo(Fault.truncateAfter(6));
        assertThat(scripts.get(7).fault()).isEqualTo(Fault.malformedAfter(2));
        assertThat(scripts.get(8).fault()).isEqualTo(Fault.stallAfter(1));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void loadedScriptsAnswerMatchingPrompts(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.json"), """
                {"scripts": [{"match": "(?i)weather", "tokens": ["Rain", " again"], "ttftMs": 1, "tokenDelayMs": 1},
                             {"match": "busy", "fault": {"type": "http", "status": 429, "retryAfterMs": 10}}]}""");
        Files.writeString(dir.resolve("b.json"), """
                {"scripts": [{"match": "broken", "tokenCount": 4, "fault": {"type": "reset-after", "after": 2}}]}""");
        Files.writeString(dir.resolve("notes.txt"), "not a mapping");
        try (LlmStub stub = LlmStub.start(LlmStubConfig.builder().ttft(Duration.ZERO).tokenDelay(Duration.ofMillis(1))
                .scripts(ChatScriptFiles.load(dir)).build())) {
            OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(stub.baseUrl()).apiKey("k").maxRetries(0).build();
            try {
                assertThat(StreamRecording.stream(client, "Weather?").text()).isEqualTo("Rain again");
                assertThat(StreamRecording.stream(client, "so busy").error()).isInstanceOf(RateLimitException.class);
                StreamRecording broken = StreamRecording.stream(client, "broken");
                assertThat(broken.error()).isInstanceOf(OpenAIIoException.class);
                assertThat(broken.tokens()).containsExactly("tok0", " tok1");
            } finally {
                client.close();
            }
        }
    }

    @Test
    void badFilesNameTheFileTheScriptAndTheProblem() {
        assertThatThrownBy(() -> ChatScriptFiles.parse("{\"scripts\": [{\"match\": \"x\", \"tokns\": []}]}", "m.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m.json").hasMessageContaining("tokns");
        assertThatThrownBy(() -> ChatScriptFiles.parse("{\"scripts\": [{}, {\"fault\": {\"type\": \"boom\"}}]}", "m.json"))
                .hasMessageContaining("m.json: scripts[1]").hasMessageContaining("'boom'").hasMessageContaining("reset-after");
        assertThatThrownBy(() -> ChatScriptFiles.parse("{\"scripts\": [{\"fault\": {\"type\": \"error-after\"}}]}", "m.json"))
                .hasMessageContaining("needs \"after\"");
        assertThatThrownBy(() -> ChatScriptFiles.parse("{\"scripts\": [{\"match\": \"(\"}]}", "m.json"))
                .hasMessageContaining("invalid prompt regex");
        assertThatThrownBy(() -> ChatScriptFiles.parse("{}", "m.json")).hasMessageContaining("missing \"scripts\"");
        assertThatThrownBy(() -> ChatScriptFiles.parse("[1", "m.json")).hasMessageContaining("not a valid mapping file");
        assertThatThrownBy(() -> ChatScriptFiles.load(Path.of("no-such-dir"))).hasMessageContaining("not found");
        assertThatThrownBy(() -> ChatScriptFiles.parse("{\"scripts\": [{\"match\": \"x\", \"prompt\": \"x\"}]}", "m.json"))
                .hasMessageContaining("scripts[0]").hasMessageContaining("only one of \"match\"");
        assertThatThrownBy(() -> ChatScriptFiles.parse(
                "{\"scripts\": [{\"tokenDelayMs\": 5, \"tokenDelaysMs\": [1]}]}", "m.json"))
                .hasMessageContaining("only one of \"tokenDelayMs\" and \"tokenDelaysMs\"");
        assertThatThrownBy(() -> ChatScriptFiles.parse("{\"scripts\": [{\"tokenDelaysMs\": [1, -2]}]}", "m.json"))
                .hasMessageContaining("token delays must be >= 0");
    }

    @Test
    void recordedFieldsMatchTheExactPromptAndModelAndCarryPerTokenDelays() {
        ChatScript s = ChatScriptFiles.parse("""
                {"scripts": [{"prompt": "What's 1+1? (exactly)", "model": "gpt-4o-mini", "tokens": ["2", "."],
                              "ttftMs": 7, "tokenDelaysMs": [0, 12], "endDelayMs": 3}]}""", "r.json").get(0);
        assertThat(s.matches("What's 1+1? (exactly)")).isTrue();
        assertThat(s.matches("What's 1+1? (exactly) ")).isFalse();
        assertThat(s.matches("Say: What's 1+1? (exactly)")).isFalse();
        assertThat(s.model()).isEqualTo("gpt-4o-mini");
        assertThat(s.ttft()).isEqualTo(Duration.ofMillis(7));
        assertThat(s.recordedTiming()).isEqualTo(new RecordedTiming(List.of(Duration.ZERO, Duration.ofMillis(12)),
                Duration.ofMillis(3)));
    }

}
