package dev.summonersim.agent.stream.llm;

/** An LLM stream failed; the message is what goes into the stream_error event. */
public final class LlmStreamException extends Exception {

    public LlmStreamException(String message) {
        super(message);
    }

    public LlmStreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
