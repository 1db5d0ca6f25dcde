package dev.summonersim.agent.input.support;

import dev.summonersim.sdk.wire.PythonJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The shared conformance vectors, from this module's byte-identical copy in src/test/resources. */
public final class TestVectors {
    private TestVectors() {
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> section(String name) {
        try (InputStream in = TestVectors.class.getResourceAsStream("/test-vectors.json")) {
            if (in == null) {
                throw new IllegalStateException("test-vectors.json missing from test resources");
            }
            Map<String, Object> all = (Map<String, Object>) PythonJson.loads(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return (List<Map<String, Object>>) all.get(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
