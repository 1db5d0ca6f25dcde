package dev.summonersim.agent.input.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.sdk.protocol.EnvelopeCodec;
import dev.summonersim.sdk.python.PythonRepr;
import dev.summonersim.sdk.vectors.TestVectors;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Vectors D1-D17 (logical input -> payload and the line it sends), and cases beyond them. */
class InputPayloadsTest {

    static Stream<Arguments> vectors() {
        return TestVectors.load().values("input_agent").stream().map(v -> Arguments.of(v.get("id"), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void sendsWhatTheReferenceSends(String id, Map<String, Object> vector) {
        Optional<Object> payload = InputPayloads.fromLogicalInput((String) vector.get("logical_input"));
        String wire = (String) vector.get("wire_line");
        assertThat(payload.map(EnvelopeCodec::encode).orElse(null)).as(id).isEqualTo(wire);
        assertThat(payload.isEmpty()).as(id).isEqualTo(wire == null);
        String reprOfPayload = payload.isPresent() ? PythonRepr.repr(payload.get()) : "None";
        assertThat(reprOfPayload).as(id).isEqualTo(vector.get("payload_python_repr"));
    }

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
}
