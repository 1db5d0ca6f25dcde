package dev.summonersim.llmstub;

/**
 * Told about every content token the stub streams, at the moment it writes it, so a caller in the same JVM can
 * measure a token's way from the LLM to wherever it ends up (one clock: {@link System#nanoTime()}). Called on the
 * stream's own Jetty thread: keep it short and thread-safe.
 */
public interface TokenWriteListener {

    TokenWriteListener NONE = new TokenWriteListener() {
        @Override
        public void tokenWritten(String prompt, int index, long nanoTime) {
        }

        @Override
        public void streamFinished(String prompt, int tokensWritten, boolean complete) {
        }
    };

    /**
     * @param prompt   the request's last user message
     * @param index    0 for the first content token of the response
     * @param nanoTime {@link System#nanoTime()} just before the token's bytes were written
     */
    void tokenWritten(String prompt, int index, long nanoTime);

    /**
     * The stub stopped writing this response.
     *
     * @param complete true when it was written to the end, false when the client left or the stub shut down
     */
    void streamFinished(String prompt, int tokensWritten, boolean complete);
}
