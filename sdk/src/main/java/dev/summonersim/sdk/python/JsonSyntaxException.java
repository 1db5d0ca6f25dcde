package dev.summonersim.sdk.python;

/**
 * Thrown by {@link PythonJson#loads(String)} when the text is not a JSON document Python's {@code json.loads}
 * would accept, or when it nests deeper than {@link PythonJson#MAX_DEPTH}.
 *
 * <p>It extends {@link IllegalArgumentException} so callers that only care about "bad input" need not know it.
 */
public class JsonSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public JsonSyntaxException(String message) {
        super(message);
    }

    public JsonSyntaxException(String message, Throwable cause) {
        super(message, cause);
    }
}
