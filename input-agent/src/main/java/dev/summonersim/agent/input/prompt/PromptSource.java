package dev.summonersim.agent.input.prompt;

import java.io.IOException;
import java.util.Optional;

/** Where logical inputs (one payload each, after multi-line joining) come from. */
public interface PromptSource extends AutoCloseable {

    /**
     * Blocks for the next logical input.
     *
     * @return the input, or empty at end of input (Ctrl-D, end of a pipe, no more --send values)
     * @throws QuitRequestedException when the user asked to quit (Ctrl-C at the prompt)
     */
    Optional<String> next() throws IOException;

    /** Releases the input; a blocked {@link #next()} may then fail or return empty. */
    @Override
    default void close() {
    }
}
