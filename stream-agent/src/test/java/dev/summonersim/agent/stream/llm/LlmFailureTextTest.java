package dev.summonersim.agent.stream.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Failures that cannot be produced on 127.0.0.1 without a resolver of our own: the exception chain OkHttp gives
 * when a host name does not resolve (no network), built here instead of looking a public name up.
 */
class LlmFailureTextTest {

    @Test
    void unresolvableHostSaysSoAndNamesTheHost() {
        IOException failure = new IOException("Request failed",
                new UnknownHostException("api.openai.com: Temporary failure in name resolution"));
        String text = LlmFailureText.describe(new RuntimeException("api.openai.com", failure), Duration.ofSeconds(1));
        assertThat(text).startsWith("LLM host could not be resolved: api.openai.com")
                .contains("OPENAI_BASE_URL").doesNotContain("\n");
    }
}
