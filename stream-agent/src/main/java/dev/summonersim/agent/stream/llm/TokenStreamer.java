package dev.summonersim.agent.stream.llm;

import java.util.function.Consumer;

/** Streams an LLM answer to one prompt as text tokens. */
public interface TokenStreamer extends AutoCloseable {

    /**
     * Streams the answer, passing every non-empty token text to {@code onToken} in order on the calling thread.
     * Returns normally when the model finished the answer (or when cancelled); throws {@link LlmStreamException}
     * with a readable reason for every failure, including a stream that ends without a finish reason.
     */
    void stream(String prompt, Consumer<String> onToken, StreamCancellation cancellation) throws LlmStreamException;

    @Override
    default void close() {
    }
}
