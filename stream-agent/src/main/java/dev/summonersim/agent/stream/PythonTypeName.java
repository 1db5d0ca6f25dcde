package dev.summonersim.agent.stream;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** {@code str(type(value))} of a decoded value, for the reference's "Ignored message" log line. */
final class PythonTypeName {

    private PythonTypeName() {
    }

    static String classOf(Object value) {
        return "<class '" + nameOf(value) + "'>";
    }

    private static String nameOf(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return "int";
        }
        if (value instanceof Double || value instanceof Float) {
            return "float";
        }
        if (value instanceof Map) {
            return "dict";
        }
        if (value instanceof List) {
            return "list";
        }
        return value.getClass().getSimpleName();
    }
}
