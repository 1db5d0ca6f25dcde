package dev.summonersim.agent.input.prompt;

import dev.summonersim.sdk.python.JsonSyntaxException;
import dev.summonersim.sdk.python.PythonJson;
import java.util.Optional;

/**
 * What InputAgent sends for one logical input (the text after multi-line joining, lines joined with LF):
 * {@code json.loads(text.replace("\n", ""))} when that parses, else the text itself, unchanged. Python's rules
 * apply, including their surprises (quirk Q15): {@code 4\} + {@code 2} becomes the int 42, newlines inside a JSON
 * string vanish, {@code NaN} and {@code 1e400} become floats.
 */
public final class InputPayloads {

    private InputPayloads() {
    }

    /**
     * The payload to send, or empty when nothing must be sent: the input {@code null} (JSON null at top level,
     * which the reference silently skips) or a Java null input. A present Optional always holds a non-null value;
     * JSON nulls nested in a list or dict (input {@code [null]}) stay inside that value and are sent.
     */
    public static Optional<Object> fromLogicalInput(String logicalInput) {
        if (logicalInput == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(PythonJson.loads(logicalInput.replace("\n", "")));
        } catch (JsonSyntaxException notJson) {
            return Optional.of(logicalInput);
        }
    }
}
