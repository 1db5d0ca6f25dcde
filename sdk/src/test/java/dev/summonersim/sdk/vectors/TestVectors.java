package dev.summonersim.sdk.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The conformance vectors: the project's one copy of {@code test-vectors.json} (sdk test resources) and its one
 * loader. Read with Jackson, independently of the code under test. Other modules use it through the sdk's test-jar
 * ({@code <type>test-jar</type>}, test scope); see docs/protocol.md for the vector sets.
 */
public final class TestVectors {

    private static final String RESOURCE = "/test-vectors.json";

    private final JsonNode root;

    private TestVectors(JsonNode root) {
        this.root = root;
    }

    public static TestVectors load() {
        try (InputStream in = TestVectors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from test resources");
            }
            return new TestVectors(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> sectionNames() {
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(names::add);
        return names;
    }

    public Stream<JsonNode> section(String name) {
        JsonNode section = root.get(name);
        if (section == null || !section.isArray() || section.isEmpty()) {
            throw new IllegalStateException("vector section " + name + " missing or empty");
        }
        return StreamSupport.stream(section.spliterator(), false);
    }

    /** One section's vectors as sdk values (maps with the file's field names). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> values(String name) {
        return section(name).map(v -> (Map<String, Object>) toValue(v)).toList();
    }

    /** A text field that may be JSON null (then Java null). */
    public static String text(JsonNode vector, String field) {
        JsonNode node = vector.get(field);
        if (node == null) {
            throw new IllegalStateException(vector.get("id") + " has no field " + field);
        }
        return node.isNull() ? null : node.textValue();
    }

    /** Jackson node to sdk value model: ints as Long/BigInteger, floats as Double, objects as LinkedHashMap. */
    public static Object toValue(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            BigInteger big = node.bigIntegerValue();
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(toValue(item)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), toValue(e.getValue())));
        return map;
    }
}
