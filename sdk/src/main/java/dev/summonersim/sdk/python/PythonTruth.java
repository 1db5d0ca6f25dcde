package dev.summonersim.sdk.python;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/** Python truthiness ({@code bool(v)}), needed by the envelope's "bool" cast and StreamAgent's prompt choice. */
public final class PythonTruth {

    private PythonTruth() {
    }

    public static boolean isTruthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof BigInteger big) {
            return big.signum() != 0;
        }
        if (v instanceof Double || v instanceof Float) {
            // NaN is truthy in Python: only +0.0 and -0.0 are false
            return ((Number) v).doubleValue() != 0.0;
        }
        if (v instanceof Number n) {
            return n.longValue() != 0;
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }
}
