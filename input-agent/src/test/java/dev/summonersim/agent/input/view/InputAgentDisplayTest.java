package dev.summonersim.agent.input.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.sdk.protocol.JsonMessage;
import dev.summonersim.sdk.protocol.RelayMessage;
import dev.summonersim.sdk.protocol.TextMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** InputAgentDisplay cases beyond the shared display vectors (those run through {@link DisplayVectorsTest}). */
class InputAgentDisplayTest {

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
}
