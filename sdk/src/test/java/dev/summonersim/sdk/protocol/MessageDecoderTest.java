package dev.summonersim.sdk.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.sdk.python.PythonRepr;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoder behaviour beyond the shared vectors, mostly the quirks this project handles differently. */
class MessageDecoderTest {

    private static String relayed(RelayFlavour flavour, Object payload) {
        return RelayFrameCodec.encode(flavour, "127.0.0.1:50490",
            RelayFrameCodec.contentOf(flavour, EnvelopeCodec.encode(payload)));
    }

    @Test
    void fiftyThousandOpenBracketsBecomeTextNotAnException() {
        String line = "[".repeat(50_000) + "\n";
        ReceivedMessage message = MessageDecoder.decode(line);
        assertThat(message).isEqualTo(new TextMessage("[".repeat(50_000)));
    }

    @ParameterizedTest
    @EnumSource(RelayFlavour.class)
    void tooDeepRelayedContentStaysTheRawContentString(RelayFlavour flavour) {
        String deep = "[".repeat(10_000);
        String line = RelayFrameCodec.encode(flavour, "127.0.0.1:1", deep);
        assertThat(MessageDecoder.decode(line)).isEqualTo(new RelayMessage("127.0.0.1:1", deep));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"remote_addr\": \"x\", \"content\": ", "{not json}", "[1, 2", "", "\r", "NaNa",
        "{\"a\": 1} trailing"})
    void invalidJsonBecomesTextWithoutItsLf(String text) {
        assertThat(MessageDecoder.decode(text + "\n")).isEqualTo(new TextMessage(text));
        assertThat(MessageDecoder.decode(text)).isEqualTo(new TextMessage(text));
    }

    @Test
    void onlyOneLfIsStrippedAndCrIsKept() {
        assertThat(MessageDecoder.decode("a\n\n")).isEqualTo(new TextMessage("a\n"));
        assertThat(MessageDecoder.decode("a\r\n")).isEqualTo(new TextMessage("a\r"));
    }

    @Test
    void topLevelJsonStringIsTextAndNotReparsed() {
        assertThat(MessageDecoder.decode("\"x\"\n")).isEqualTo(new TextMessage("x"));
        assertThat(MessageDecoder.decode("\"42\"\n")).isEqualTo(new TextMessage("42"));
        assertThat(MessageDecoder.decode("\"Warning: from json\"\n")).isEqualTo(new TextMessage("Warning: from json"));
    }

    @Test
    void otherJsonValuesAreJsonMessages() {
        assertThat(MessageDecoder.decode("42\n")).isEqualTo(new JsonMessage(42L));
        assertThat(MessageDecoder.decode("null\n")).isEqualTo(new JsonMessage(null));
        assertThat(MessageDecoder.decode(" NaN \n")).isEqualTo(new JsonMessage(Double.NaN));
        assertThat(MessageDecoder.decode("{\"content\": \"only\"}\n"))
            .isEqualTo(new JsonMessage(Map.of("content", "only")));
        assertThat(MessageDecoder.decode("{\"remote_addr\": 5, \"content\": \"x\"}\n"))
            .as("a frame whose remote_addr is not a string is not treated as a relay")
            .isInstanceOf(JsonMessage.class);
    }

    @Test
    void unknownEnvelopeVersionIsAcceptedWithTheSameCasts() {
        String content = "{\"_version\": \"0.0.0-anything\", \"_payload\": {\"n\": \"7\", \"s\": 5}, "
            + "\"_type\": {\"n\": \"int\", \"s\": \"str\"}}";
        ReceivedMessage message = MessageDecoder.decode(RelayFrameCodec.encode(RelayFlavour.RUST, "[::1]:9", content));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("n", 7L);
        expected.put("s", "5");
        assertThat(message).isEqualTo(new RelayMessage("[::1]:9", expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", " 42", "1e5", "NaN", "Infinity", "-0", "1.50", "true", "[1,2]", "{\"a\":1}",
        "\"hi\"", "  ", "", "\n", "a\nb", " 2024", "None"})
    void tokenTextsSurviveExactlyInBothFlavours(String token) {
        for (RelayFlavour flavour : RelayFlavour.values()) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", "token");
            event.put("stream_id", "x");
            event.put("token", token);
            ReceivedMessage message = MessageDecoder.decode(relayed(flavour, event));
            assertThat(message).as(flavour.name()).isEqualTo(new RelayMessage("127.0.0.1:50490", event));
        }
    }

    @Test
    void topLevelStringPayloadsSurviveExactly() {
        for (String payload : List.of("null", " 42", "1e5", "NaN", "Warning: x", "")) {
            assertThat(MessageDecoder.decode(relayed(RelayFlavour.PYTHON, payload)))
                .isEqualTo(new RelayMessage("127.0.0.1:50490", payload));
        }
    }

    @Test
    void aFiveThousandDigitTokenSurvivesAsText() {
        String digits = "1".repeat(5000);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "token");
        event.put("stream_id", "x");
        event.put("token", digits);
        for (RelayFlavour flavour : RelayFlavour.values()) {
            assertThat(MessageDecoder.decode(relayed(flavour, event)))
                .isEqualTo(new RelayMessage("127.0.0.1:50490", event));
        }
    }

    @Test
    void payloadsOfEveryTypeComeBackAsSent() {
        List<Object> payload = Arrays.asList(1L, new BigInteger("123456789012345678901234567890"), 2.5, -0.0,
            Double.NaN, Double.POSITIVE_INFINITY, true, null, "s", List.of(), Map.of("k", Arrays.asList(null, "null")));
        ReceivedMessage message = MessageDecoder.decode(relayed(RelayFlavour.RUST, payload));
        assertThat(message).isInstanceOf(RelayMessage.class);
        Object content = ((RelayMessage) message).content();
        assertThat(content).isEqualTo(payload);
        assertThat(PythonRepr.repr(content)).isEqualTo(PythonRepr.repr(payload));
    }

    @Test
    void envelopeTypeTreeStillCastsNonSdkEnvelopes() {
        String content = "{\"_version\": \"1.3.0\", \"_payload\": [\"5\", 2.9, 0, \"1e3\", \"x\", 9, 9], "
            + "\"_type\": [\"int\", \"int\", \"bool\", \"float\", \"float\", \"str\"]}";
        RelayMessage message = (RelayMessage) MessageDecoder.decode(
            RelayFrameCodec.encode(RelayFlavour.PYTHON, "a:1", content));
        assertThat(message.content()).isEqualTo(List.of(5L, 2L, false, 1000.0, "x", "9", 9L));
    }

    @Test
    void envelopeCastOrdersTypedKeysFirstLikeTheReference() {
        String content = "{\"_version\": \"1.3.0\", \"_payload\": {\"extra\": 1, \"b\": \"2\", \"a\": \"1\"}, "
            + "\"_type\": {\"a\": \"str\", \"b\": \"str\", \"missing\": \"int\"}}";
        RelayMessage message = (RelayMessage) MessageDecoder.decode(
            RelayFrameCodec.encode(RelayFlavour.RUST, "a:1", content));
        assertThat(PythonRepr.repr(message.content())).isEqualTo("{'a': '1', 'b': '2', 'extra': 1}");
    }

    @Test
    void nonEnvelopeContentIsParsedOnceOnly() {
        assertThat(MessageDecoder.decode(RelayFrameCodec.encode(RelayFlavour.RUST, "a:1", "\"42\"")))
            .isEqualTo(new RelayMessage("a:1", "42"));
        assertThat(MessageDecoder.decode(RelayFrameCodec.encode(RelayFlavour.RUST, "a:1", "{\"x\": \"[1]\"}")))
            .isEqualTo(new RelayMessage("a:1", Map.of("x", "[1]")));
        assertThat(MessageDecoder.decode("{\"remote_addr\": \"a:1\", \"content\": {\"_version\": \"1\", "
            + "\"_payload\": \"7\", \"_type\": \"int\"}}"))
            .as("content that is already an object is still unwrapped")
            .isEqualTo(new RelayMessage("a:1", 7L));
    }

    @Test
    void serverWarningsAreRecognisedOnlyOnText() {
        assertThat(((TextMessage) MessageDecoder.decode("Warning: Server is shutting down.\n")).isServerWarning())
            .isTrue();
        assertThat(new TextMessage("hello").isServerWarning()).isFalse();
        assertThat(new TextMessage("warning: lower case").isServerWarning()).isFalse();
    }

    @Test
    void mutatedFramesNeverThrow() {
        String seed = relayed(RelayFlavour.PYTHON, Map.of("k", Arrays.asList("v", 1L, 2.5, null, true)));
        String alphabet = "{}[]\",:\\ntrufalsNI0123456789.eE+-_\u00e9\n\r\t ";
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder line = new StringBuilder(seed);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(line.length());
                switch (random.nextInt(3)) {
                    case 0 -> line.deleteCharAt(at);
                    case 1 -> line.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> line.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String text = line.toString();
            assertThat(MessageDecoder.decode(text)).as(text).isNotNull();
        }
    }
}
