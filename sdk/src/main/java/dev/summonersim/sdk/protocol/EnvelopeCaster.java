package dev.summonersim.sdk.protocol;

import dev.summonersim.sdk.python.PythonNumbers;
import dev.summonersim.sdk.python.PythonRepr;
import dev.summonersim.sdk.python.PythonTruth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference's {@code cast_v0_0_1}: applies an envelope's {@code _type} tree to its {@code _payload}. Used for
 * every {@code _version} (quirk Q21: unknown versions fall back to this caster).
 *
 * <p>Unlike the reference, the payload reaching this class was parsed once and its string leaves were never
 * re-parsed (quirk Q3), so {@code "str"} leaves come back exactly as sent. The casts themselves are the reference's,
 * including Python truthiness for "bool" and truncation for "int" (quirk Q22); a failed cast keeps the value.
 */
final class EnvelopeCaster {

    private EnvelopeCaster() {
    }

    static Object cast(Object value, Object expected) {
        if (expected == null) {
            return value;
        }
        if (expected instanceof String type) {
            switch (type) {
                case "str":
                    return PythonRepr.str(value);
                case "bool":
                    return PythonTruth.isTruthy(value);
                case "int":
                    return PythonNumbers.toInt(value).orElse(value);
                case "float":
                    return PythonNumbers.toFloat(value).orElse(value);
                case "null":
                    return null;
                default:
                    return value;
            }
        }
        if (expected instanceof List<?> types && value instanceof List<?> items) {
            List<Object> out = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                out.add(i < types.size() ? cast(items.get(i), types.get(i)) : items.get(i));
            }
            return out;
        }
        if (expected instanceof Map<?, ?> types && value instanceof Map<?, ?> fields) {
            // Key order of the result: typed keys in _type order first, then the untyped extras (as the reference).
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> typed : types.entrySet()) {
                if (fields.containsKey(typed.getKey())) {
                    out.put(typed.getKey(), cast(fields.get(typed.getKey()), typed.getValue()));
                }
            }
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                if (!types.containsKey(field.getKey())) {
                    out.put(field.getKey(), field.getValue());
                }
            }
            return out;
        }
        return value;
    }
}
