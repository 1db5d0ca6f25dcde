package dev.summonersim.sdk.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EnvelopeCodec cases beyond the shared envelope vectors (A1-A34, in {@link VectorConformanceTest}). */
class EnvelopeCodecTest {

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
