package dev.summonersim.sdk.python;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a value of the sdk value model (see {@link PythonJson}) into a Jackson generator the way Python's
 * {@code json.dumps} walks a Python object. One instance per dumps() call: it remembers the containers being written
 * so that a list containing itself fails like Python's "Circular reference detected" instead of overflowing the stack.
 */
final class PythonValueWriter {

    private final JsonGenerator generator;
    private final IdentityHashMap<Object, Boolean> inProgress = new IdentityHashMap<>();

    PythonValueWriter(JsonGenerator generator) {
        this.generator = generator;
    }

    void write(Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String s) {
            generator.writeString(s);
        } else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            generator.writeNumber(big);
        } else if (value instanceof Double || value instanceof Float) {
            // writeNumber(String) writes the text raw: Python's repr digits and its NaN/Infinity tokens
            generator.writeNumber(PythonFloatRepr.jsonToken(((Number) value).doubleValue()));
        } else if (value instanceof List<?> list) {
            enter(list);
            generator.writeStartArray();
            for (Object item : list) {
                write(item);
            }
            generator.writeEndArray();
            inProgress.remove(list);
        } else if (value instanceof Map<?, ?> map) {
            enter(map);
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName(keyText(entry.getKey()));
                write(entry.getValue());
            }
            generator.writeEndObject();
            inProgress.remove(map);
        } else {
            throw new IllegalArgumentException(
                "Object of type " + value.getClass().getName() + " is not JSON serializable");
        }
    }

    private void enter(Object container) {
        if (inProgress.put(container, Boolean.TRUE) != null) {
            throw new IllegalArgumentException("Circular reference detected");
        }
    }

    /** Python's json.dumps turns non-string keys into text this way (json/encoder.py, _iterencode_dict). */
    private static String keyText(Object key) {
        if (key instanceof String s) {
            return s;
        }
        if (key instanceof Double || key instanceof Float) {
            return PythonFloatRepr.jsonToken(((Number) key).doubleValue());
        }
        if (key instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (key == null) {
            return "null";
        }
        if (key instanceof Long || key instanceof Integer || key instanceof Short || key instanceof Byte
                || key instanceof BigInteger) {
            return key.toString();
        }
        throw new IllegalArgumentException(
            "keys must be str, int, float, bool or None, not " + key.getClass().getName());
    }
}
