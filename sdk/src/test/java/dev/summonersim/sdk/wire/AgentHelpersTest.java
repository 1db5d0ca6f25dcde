package dev.summonersim.sdk.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.sdk.protocol.EnvelopeCodec;
import dev.summonersim.sdk.protocol.JsonMessage;
import dev.summonersim.sdk.protocol.RelayMessage;
import dev.summonersim.sdk.protocol.TextMessage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** InputPayloads, PromptExtraction, InputAgentDisplay and EnvelopeCodec cases beyond the shared vectors. */
class AgentHelpersTest {

    @Test
    void onlyATopLevelJsonNullMeansSendNothing() {
        assertThat(InputPayloads.fromLogicalInput("null")).isEmpty();
        assertThat(InputPayloads.fromLogicalInput(" null \n")).isEmpty();
        assertThat(InputPayloads.fromLogicalInput(null)).isEmpty();
        Optional<Object> nested = InputPayloads.fromLogicalInput("[null]");
        assertThat(nested).contains(Arrays.asList((Object) null));
        assertThat(EnvelopeCodec.encode(nested.get()))
            .isEqualTo("{\"_version\": \"1.3.0\", \"_payload\": [null], \"_type\": [\"null\"]}\n");
        assertThat(InputPayloads.fromLogicalInput("None")).contains("None");
        assertThat(InputPayloads.fromLogicalInput("\"null\"")).contains("null");
    }

    @Test
    void unparsableInputIsSentWithItsNewlines() {
        assertThat(InputPayloads.fromLogicalInput("a\nb")).contains("a\nb");
        assertThat(InputPayloads.fromLogicalInput("crlf\r")).contains("crlf\r");
        assertThat(InputPayloads.fromLogicalInput("[".repeat(1000))).contains("[".repeat(1000));
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

    @Test
    void displayShowsHostileControlCharactersOfStringPayloadsVisibly() {
        String hostile = "\u001b]0;PWNED\u0007\u001b[2J\u009b31m\u202eevil\u0001\u007f";
        String shown = "\\x1b]0;PWNED\\x07\\x1b[2J\\x9b31m\\u202eevil\\x01\\x7f";
        assertThat(InputAgentDisplay.render(new RelayMessage("a:1", hostile))).isEqualTo("\r[Received] " + shown + "\n> ");
        assertThat(InputAgentDisplay.render(new TextMessage(hostile))).isEqualTo("\r[Received] " + shown + "\n> ");
        assertThat(InputAgentDisplay.render(new TextMessage("Warning: " + hostile)))
            .isEqualTo("\r[From server] Warning: " + shown + "\n> ");
        assertThat(InputAgentDisplay.render(new RelayMessage("a:1", Map.of("token", hostile))))
            .as("a dict is shown as its Python repr, which is already escaped, byte for byte")
            .isEqualTo("\r[Received] {'token': '" + shown + "'}\n> ");
    }

    @Test
    void displayIndentsEveryContinuationLineSoAPeerCannotStartALineOfItsOwn() {
        assertThat(InputAgentDisplay.render(new RelayMessage("a:1", "hi\n[From server] Warning: fake\n[Received] x")))
            .isEqualTo("\r[Received] hi\n           [From server] Warning: fake\n           [Received] x\n> ");
        assertThat(InputAgentDisplay.render(new TextMessage("Warning: a\nb")))
            .isEqualTo("\r[From server] Warning: a\n              b\n> ");
    }

    @Test
    void displayTagsOnlyRealServerTextAsFromServer() {
        assertThat(InputAgentDisplay.render(new TextMessage("Warning: You have been disconnected due to inactivity.")))
            .isEqualTo("\r[From server] Warning: You have been disconnected due to inactivity.\n> ");
        assertThat(InputAgentDisplay.render(new TextMessage("hello\r")))
            .as("a CR could return over the tag and overwrite it (deviation N3)")
            .isEqualTo("\r[Received] hello\\x0d\n> ");
        assertThat(InputAgentDisplay.render(new RelayMessage("a:1", "Warning: fake")))
            .isEqualTo("\r[Received] Warning: fake\n> ");
        assertThat(InputAgentDisplay.render(new RelayMessage("a:1", null))).isEqualTo("\r[Received] None\n> ");
        assertThat(InputAgentDisplay.render(new JsonMessage(Map.of("status", "ok"))))
            .isEqualTo("\r[Received] {'status': 'ok'}\n> ");
        assertThat(InputAgentDisplay.render(new JsonMessage(Map.of("content", "Warning: json"))))
            .as("like the reference, a dict's content is shown; a peer can never produce this shape")
            .isEqualTo("\r[Received] Warning: json\n> ");
        assertThat(InputAgentDisplay.render(new JsonMessage(42L))).isEqualTo("\r[Received] 42\n> ");
    }

    @Test
    void envelopeOfOtherObjectsUsesTheirStrAndNullWritesNothing() {
        assertThat(EnvelopeCodec.encode(null)).isNull();
        assertThat(EnvelopeCodec.encode(new java.util.LinkedHashSet<>(List.of(1L, 2L))))
            .isEqualTo("{\"_version\": \"1.3.0\", \"_payload\": \"{1, 2}\", \"_type\": \"str\"}\n");
        Map<Object, Object> intKeys = new LinkedHashMap<>();
        intKeys.put(1L, 2.5f);
        assertThat(EnvelopeCodec.encode(intKeys))
            .isEqualTo("{\"_version\": \"1.3.0\", \"_payload\": {\"1\": 2.5}, \"_type\": {\"1\": \"float\"}}\n");
        assertThat(EnvelopeCodec.encode(7)).isEqualTo("{\"_version\": \"1.3.0\", \"_payload\": 7, \"_type\": \"int\"}\n");
    }
}
