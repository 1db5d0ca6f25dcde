package dev.summonersim.sdk.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.summonersim.sdk.python.PythonJson;
import dev.summonersim.sdk.python.PythonRepr;
import dev.summonersim.sdk.vectors.TestVectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vector of the protocol sections of test-vectors.json (envelope, relay, decode), one dynamic test per vector
 * named by its id. The file is the project's vector data (docs/protocol.md §7 says what each set covers); the agent
 * sections are driven where their rules live: input_agent by input-agent's {@code InputPayloadsTest}, display by
 * input-agent's {@code DisplayVectorsTest}, stream_prompt by stream-agent's {@code PromptExtractionTest}.
 * {@link #everySectionOfTheFileIsCovered()} fails if a section is added that none of them drives.
 */
class VectorConformanceTest {

    private static final TestVectors VECTORS = TestVectors.load();

    @Test
    void everySectionOfTheFileIsCovered() {
        assertThat(VECTORS.sectionNames()).containsExactlyInAnyOrder(
            "_notes", "envelope", "relay", "decode", // here
            "input_agent", "display", // input-agent
            "stream_prompt"); // stream-agent
    }

    @TestFactory
    Stream<DynamicTest> envelope() {
        return VECTORS.section("envelope").map(v -> dynamicTest(id(v), () -> {
            Object payload = PythonJson.loads(TestVectors.text(v, "payload_json"));
            assertThat(EnvelopeCodec.encode(payload)).isEqualTo(TestVectors.text(v, "wire_line"));
            // the value model also prints the payload exactly as the reference's repr does
            assertThat(PythonRepr.repr(payload)).isEqualTo(TestVectors.text(v, "payload_python_repr"));
        }));
    }

    @TestFactory
    Stream<DynamicTest> relay() {
        return VECTORS.section("relay").flatMap(v -> Stream.of(
            dynamicTest(id(v) + " python", () -> assertRelay(v, RelayFlavour.PYTHON, "python_server_out")),
            dynamicTest(id(v) + " rust", () -> assertRelay(v, RelayFlavour.RUST, "rust_server_out"))));
    }

    private static void assertRelay(JsonNode v, RelayFlavour flavour, String field) {
        String content = RelayFrameCodec.contentOf(flavour, TestVectors.text(v, "inbound_line"));
        String frame = RelayFrameCodec.encode(flavour, TestVectors.text(v, "sender_addr"), content);
        assertThat(frame).isEqualTo(TestVectors.text(v, field));
    }

    @TestFactory
    Stream<DynamicTest> decode() {
        return VECTORS.section("decode").map(v -> dynamicTest(id(v), () -> {
            JsonNode expected = v.get("expected");
            ReceivedMessage decoded = MessageDecoder.decode(TestVectors.text(v, "line"));
            switch (expected.get("kind").textValue()) {
                case "relay" -> {
                    assertThat(decoded).isInstanceOf(RelayMessage.class);
                    RelayMessage relay = (RelayMessage) decoded;
                    assertThat(relay.remoteAddr()).isEqualTo(expected.get("remote_addr").textValue());
                    assertSameValue(relay.content(), TestVectors.toValue(expected.get("content")));
                }
                case "text" -> assertThat(decoded).isEqualTo(new TextMessage(expected.get("value").textValue()));
                case "json" -> {
                    assertThat(decoded).isInstanceOf(JsonMessage.class);
                    assertSameValue(((JsonMessage) decoded).value(), TestVectors.toValue(expected.get("value")));
                }
                default -> throw new AssertionError("unknown kind in " + id(v));
            }
        }));
    }

    /** Equal values of equal Java types (42 is not 42.0), with the same key order. */
    private static void assertSameValue(Object actual, Object expected) {
        assertThat(actual).isEqualTo(expected);
        assertThat(PythonRepr.repr(actual)).isEqualTo(PythonRepr.repr(expected));
    }

    private static String id(JsonNode vector) {
        return vector.get("id").textValue();
    }
}
