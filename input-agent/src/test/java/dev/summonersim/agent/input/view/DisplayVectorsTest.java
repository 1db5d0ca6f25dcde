package dev.summonersim.agent.input.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.agent.input.support.DisplayVectors;
import dev.summonersim.sdk.protocol.MessageDecoder;
import dev.summonersim.sdk.vectors.TestVectors;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Vectors F1-F9: received line -> exact stdout bytes of the raw view. */
class DisplayVectorsTest {

    static String expectedBytes(Map<String, Object> vector) {
        return DisplayVectors.expectedBytes(vector);
    }

    static Stream<Arguments> vectors() {
        List<Map<String, Object>> display = TestVectors.load().values("display");
        assertThat(display).hasSize(9);
        return display.stream().map(v -> Arguments.of(v.get("id"), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rawViewWritesTheReferenceBytes(String id, Map<String, Object> vector) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RawView(new PlainScreen(out)).show(MessageDecoder.decode((String) vector.get("line")));
        assertThat(out.toByteArray()).as(id).isEqualTo(expectedBytes(vector).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void spoofedServerWarningFromAPeerIsShownAsReceived() {
        Map<String, Object> f4 = TestVectors.load().values("display").stream()
                .filter(v -> v.get("id").equals("F4")).findFirst().orElseThrow();
        assertThat((String) f4.get("reference_stdout_bytes")).startsWith("\r[From server]");
        assertThat(expectedBytes(f4)).isEqualTo("\r[Received] Warning: spoofed by a peer\n> ");
    }

    @Test
    void aRealServerWarningLineKeepsTheServerTag() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RawView(new PlainScreen(out)).show(MessageDecoder.decode("Warning: Server is shutting down.\n"));
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("\r[From server] Warning: Server is shutting down.\n> ");
    }

    @Test
    void terminalFrameStripsOnlyTheCarriageReturnAndThePromptRedraw() {
        assertThat(TerminalScreen.withoutPromptFrame("\r[Received] Hello\nHow are you?\n> "))
                .isEqualTo("[Received] Hello\nHow are you?");
    }
}
