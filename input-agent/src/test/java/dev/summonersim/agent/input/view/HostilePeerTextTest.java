package dev.summonersim.agent.input.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.sdk.events.StreamError;
import dev.summonersim.sdk.events.StreamEvent;
import dev.summonersim.sdk.events.StreamStart;
import dev.summonersim.sdk.events.Token;
import dev.summonersim.sdk.protocol.EnvelopeCodec;
import dev.summonersim.sdk.protocol.MessageDecoder;
import dev.summonersim.sdk.protocol.RelayFlavour;
import dev.summonersim.sdk.protocol.RelayFrameCodec;
import dev.summonersim.sdk.python.PythonJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;

/**
 * Deviation N3: every path where a peer's text reaches the input agent's output, fed with terminal-controlling
 * sequences. The output must not contain them, and must show them visibly instead.
 */
public class HostilePeerTextTest {
    /** Set title, clear screen, C1 CSI, right-to-left override, SOH, DEL. */
    public static final List<String> HOSTILE = List.of(
            "\u001b]0;PWNED\u0007", "\u001b[2J", "\u009b31m", "\u202e", "\u0001", "\u007f");
    static final List<String> SHOWN = List.of("\\x1b]0;PWNED\\x07", "\\x1b[2J", "\\x9b31m", "\\u202e", "\\x01", "\\x7f");
    static final String ALL = String.join("", HOSTILE);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The output holds none of the hostile sequences (nor a lone ESC or C1 CSI from them) and shows each one. */
    public static void assertDefused(String output) {
        for (String hostile : HOSTILE) {
            assertThat(output).as("raw %s", hostile.codePoints().mapToObj(Integer::toHexString).toList())
                    .doesNotContain(hostile);
        }
        AbstractStringAssert<?> shown = assertThat(output);
        for (String visible : SHOWN) {
            shown.contains(visible);
        }
    }

    private static String frame(Object payload) {
        String envelope = EnvelopeCodec.encode(payload);
        return RelayFrameCodec.encode(RelayFlavour.RUST, "127.0.0.1:50490",
                envelope.substring(0, envelope.length() - 1));
    }

    private static String frame(StreamEvent event) {
        return frame(event.toPayload());
    }

    @Test
    void rawViewStringPayload() {
        new RawView(new PlainScreen(out)).show(MessageDecoder.decode(frame(ALL)));
        assertDefused(output());
        assertThat(output()).startsWith("\r[Received] ").endsWith("\n> ");
    }

    @Test
    void rawViewNonJsonContentAndNonJsonLine() {
        RawView view = new RawView(new PlainScreen(out));
        // F8 shape: the relay frame's content is not an envelope; then a line that is not JSON at all.
        view.show(MessageDecoder.decode(PythonJson.dumps(Map.of("remote_addr", "1.2.3.4:5", "content", ALL))));
        view.show(MessageDecoder.decode(ALL + "\n"));
        view.show(MessageDecoder.decode("Warning: " + ALL + "\n"));
        assertDefused(output());
        assertThat(output().split("\n> ", -1)).hasSize(4);
    }

    @Test
    void rawViewDictPayloadStaysTheExactPythonRepr() {
        new RawView(new PlainScreen(out)).show(MessageDecoder.decode(frame(Map.of("token", ALL))));
        assertDefused(output());
        assertThat(output()).isEqualTo("\r[Received] {'token': '" + String.join("", SHOWN) + "'}\n> ");
    }

    @Test
    void rawViewMultiLinePayloadCannotForgeALineOfItsOwn() {
        new RawView(new PlainScreen(out)).show(MessageDecoder.decode(
                frame("ok\n[From server] Warning: Server is shutting down.\n[Received] forged")));
        assertThat(output().split("\n")).as(output())
                .filteredOn(line -> line.startsWith("[") || line.startsWith("\r["))
                .containsExactly("\r[Received] ok");
        assertThat(output()).contains("\n           [From server] Warning: Server is shutting down.");
    }

    @Test
    void textViewTokensErrorTextsAndStreamLabels() {
        TextView view = new TextView(new PlainScreen(out), () -> 0L);
        String id = "\u001b[2J\u202e-id";
        view.show(MessageDecoder.decode(frame(new StreamStart(id))));
        for (String hostile : HOSTILE) {
            view.show(MessageDecoder.decode(frame(new Token(id, hostile))));
        }
        view.show(MessageDecoder.decode(frame(new StreamError(id, ALL + "\n[From server] forged"))));
        view.show(MessageDecoder.decode(frame(new Token("other", "x\n[Received] forged"))));
        view.show(MessageDecoder.decode(frame("plain " + ALL)));
        assertDefused(output());
        assertThat(output()).contains("[\\x1b[2J\\u202e-id] ")
                .contains("[stream_error] " + String.join("", SHOWN) + "\\n[From server] forged after");
        assertThat(output().split("\n")).as(output())
                .noneMatch(line -> line.startsWith("[From server]") || line.startsWith("[Received] forged"));
    }
}
