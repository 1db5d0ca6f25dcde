package dev.summonersim.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.sdk.python.PythonRepr;
import dev.summonersim.sdk.vectors.TestVectors;
import dev.summonersim.testkit.check.PythonLiteralParser;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Vectors E1-E11 (decoded content -> prompt text), and cases beyond them. */
class PromptExtractionTest {

    static Stream<Arguments> vectors() {
        return TestVectors.load().values("stream_prompt").stream().map(v -> Arguments.of(v.get("id"), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void promptIsWhatTheReferenceUses(String id, Map<String, Object> vector) {
        String contentRepr = (String) vector.get("content_python_repr");
        Object content = PythonLiteralParser.parse(contentRepr);
        // guards the literal reader: it must give back a value that prints as the vector's repr
        assertThat(PythonRepr.repr(content)).as(id).isEqualTo(contentRepr);
        assertThat(PromptExtraction.promptOf(content)).as(id).isEqualTo(vector.get("prompt"));
    }

    @Test
    void promptFallsBackOnFalsyPromptValues() {
        Map<String, Object> zero = new LinkedHashMap<>();
        zero.put("prompt", 0L);
        zero.put("é", "x");
        assertThat(PromptExtraction.promptOf(zero)).isEqualTo("{\"prompt\": 0, \"\\u00e9\": \"x\"}");
        Map<String, Object> list = Map.of("prompt", List.of("a"));
        assertThat(PromptExtraction.promptOf(list)).isEqualTo("['a']");
        assertThat(PromptExtraction.promptOf(Map.of("prompt", Double.NaN))).as("nan is truthy").isEqualTo("nan");
        assertThat(PromptExtraction.promptOf(Map.of("prompt", false))).isEqualTo("{\"prompt\": false}");
        assertThat(PromptExtraction.promptOf(Arrays.asList("a", null))).isEqualTo("['a', None]");
        assertThat(PromptExtraction.promptOf("")).isEmpty();
    }
}
