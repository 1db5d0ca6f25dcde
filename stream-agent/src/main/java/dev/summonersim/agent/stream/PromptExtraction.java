package dev.summonersim.agent.stream;

import dev.summonersim.sdk.wire.PythonJson;
import dev.summonersim.sdk.wire.PythonRepr;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * The reference's prompt rule: a string is the prompt; a dict gives {@code str(content.get("prompt") or
 * json.dumps(content))}; anything else gives {@code str(content)}.
 */
public final class PromptExtraction {

    private PromptExtraction() {
    }

    public static String promptOf(Object content) {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Map<?, ?> dict) {
            Object prompt = dict.get("prompt");
            return isTruthy(prompt) ? PythonRepr.str(prompt) : PythonJson.dumps(dict);
        }
        return PythonRepr.str(content);
    }

    /** Python truthiness of a decoded value: None, False, zero, and empty str/list/dict are false. */
    static boolean isTruthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof BigInteger big) {
            return big.signum() != 0;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return d != 0.0 || Double.isNaN(d);
        }
        if (value instanceof Number n) {
            return n.longValue() != 0;
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }
}
