package dev.summonersim.agent.input.prompt;

/** Ctrl-C while reading input: the user wants out, not an error. */
public final class QuitRequestedException extends RuntimeException {
    public QuitRequestedException() {
        super("quit requested", null, false, false);
    }
}
