package dev.summonersim.agent.stream;

import dev.summonersim.sdk.python.PythonJson;
import dev.summonersim.sdk.python.PythonRepr;
import dev.summonersim.sdk.python.PythonTruth;
import java.util.Map;

/**
 * How StreamAgent turns received content into the prompt text, exactly as the reference (vectors E1-E11):
 * a string is used as is; a dict gives {@code str(content.get("prompt") or json.dumps(content))}, so a falsy or
 * missing prompt falls back to the whole dict as Python JSON; anything else gives Python's {@code str()}.
 */
final class PromptExtraction {

    private PromptExtraction() {
    }

    static String promptOf(Object content) {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Map<?, ?> dict) {
            Object prompt = dict.get("prompt");
            return PythonTruth.isTruthy(prompt) ? PythonRepr.str(prompt) : PythonJson.dumps(dict);
        }
        return PythonRepr.str(content);
    }
}
