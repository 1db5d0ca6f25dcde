package dev.summonersim.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmEndpointTest {

    @Test
    void nothingConfiguredMeansEmbeddedStub() {
        LlmEndpoint endpoint = LlmEndpoint.resolve(null, Map.of(), Map.of());
        assertThat(endpoint.baseUrl()).isNull();
        assertThat(endpoint.apiKey()).isNull();
    }

    @Test
    void environmentWinsOverDotEnvAndCommandLineUrlWinsOverBoth() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-env", "OPENAI_BASE_URL", "http://env/v1");
        Map<String, String> dot = Map.of("OPENAI_API_KEY", "sk-dot", "OPENAI_BASE_URL", "http://dot/v1");
        assertThat(LlmEndpoint.resolve(null, env, dot)).isEqualTo(new LlmEndpoint("http://env/v1", "sk-env"));
        assertThat(LlmEndpoint.resolve(null, Map.of(), dot)).isEqualTo(new LlmEndpoint("http://dot/v1", "sk-dot"));
        assertThat(LlmEndpoint.resolve("http://cli/v1", env, dot).baseUrl()).isEqualTo("http://cli/v1");
    }

    @Test
    void blankValuesCountAsUnset() {
        Map<String, String> env = new HashMap<>();
        env.put("OPENAI_API_KEY", "  ");
        assertThat(LlmEndpoint.resolve(" ", env, Map.of("OPENAI_API_KEY", "sk-dot")))
                .isEqualTo(new LlmEndpoint(null, "sk-dot"));
    }

    @Test
    void toStringHidesTheKey() {
        assertThat(new LlmEndpoint("http://x/v1", "sk-secret").toString()).doesNotContain("sk-secret");
    }

    @Test
    void dotEnvFileReadsTheUsualForms(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, String.join("\n",
                "# comment",
                "",
                "OPENAI_API_KEY=sk-plain # trailing comment",
                "export OPENAI_BASE_URL=\"http://127.0.0.1:1234/v1\"",
                "SINGLE='a # not a comment'",
                "broken line",
                "EMPTY="));
        assertThat(DotEnvFile.read(file)).containsExactly(
                Map.entry("OPENAI_API_KEY", "sk-plain"),
                Map.entry("OPENAI_BASE_URL", "http://127.0.0.1:1234/v1"),
                Map.entry("SINGLE", "a # not a comment"),
                Map.entry("EMPTY", ""));
    }

    @Test
    void missingDotEnvFileIsEmpty(@TempDir Path dir) {
        assertThat(DotEnvFile.read(dir.resolve(".env"))).isEmpty();
    }
}
