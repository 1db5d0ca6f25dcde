package dev.summonersim.sdk.protocol;

import dev.summonersim.sdk.python.PythonJson;
import dev.summonersim.sdk.python.PythonRepr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SDK's typed envelope, as {@code wrap_with_types} writes it:
 * {@code {"_version": "1.3.0", "_payload": ..., "_type": ...}} through {@link PythonJson#dumps(Object)}, plus LF.
 *
 * <p>{@code _payload} and {@code _type} are built like the reference's {@code parse_v0_0_1}: strings, booleans,
 * ints, floats and None keep their value and get "str", "bool", "int", "float", "null"; lists and maps are walked
 * (map keys kept as they are); anything else is sent as its Python {@code str()} with type "str".
 */
public final class EnvelopeCodec {

    /** The reference SDK version the envelopes claim; receivers accept any version (quirk Q21). */
    public static final String VERSION = "1.3.0";

    private EnvelopeCodec() {
    }

    /**
     * The complete line for one payload, INCLUDING its trailing {@code "\n"}, or null when the payload is null
     * (the reference skips None payloads and writes nothing).
     *
     * @throws IllegalArgumentException for cyclic payloads or map keys json.dumps cannot write
     */
    public static String encode(Object payload) {
        if (payload == null) {
            return null;
        }
        Typed typed = new TypeTreeBuilder().typed(payload);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("_version", VERSION);
        envelope.put("_payload", typed.payload());
        envelope.put("_type", typed.type());
        return PythonJson.dumps(envelope) + "\n";
    }

    private record Typed(Object payload, Object type) {
    }

    /** One walk of parse_v0_0_1; remembers open containers so a cycle fails cleanly instead of overflowing. */
    private static final class TypeTreeBuilder {
        private final IdentityHashMap<Object, Boolean> open = new IdentityHashMap<>();

        Typed typed(Object value) {
            if (value == null) {
                return new Typed(null, "null");
            }
            if (value instanceof String) {
                return new Typed(value, "str");
            }
            if (value instanceof Boolean) {
                return new Typed(value, "bool");
            }
            if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                    || value instanceof BigInteger) {
                return new Typed(value, "int");
            }
            if (value instanceof Double || value instanceof Float) {
                return new Typed(value, "float");
            }
            if (value instanceof List<?> list) {
                enter(list);
                List<Object> payloads = new ArrayList<>(list.size());
                List<Object> types = new ArrayList<>(list.size());
                for (Object item : list) {
                    Typed t = typed(item);
                    payloads.add(t.payload());
                    types.add(t.type());
                }
                open.remove(list);
                return new Typed(payloads, types);
            }
            if (value instanceof Map<?, ?> map) {
                enter(map);
                Map<Object, Object> payloads = new LinkedHashMap<>();
                Map<Object, Object> types = new LinkedHashMap<>();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    Typed t = typed(entry.getValue());
                    payloads.put(entry.getKey(), t.payload());
                    types.put(entry.getKey(), t.type());
                }
                open.remove(map);
                return new Typed(payloads, types);
            }
            return new Typed(PythonRepr.str(value), "str");
        }

        private void enter(Object container) {
            if (open.put(container, Boolean.TRUE) != null) {
                throw new IllegalArgumentException("Circular reference detected in payload");
            }
        }
    }
}
