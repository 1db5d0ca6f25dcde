package dev.summonersim.agent.input.prompt;

import java.io.IOError;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/**
 * Prompts typed at a terminal through a JLine {@link LineReader} (line editing, history), with the reference's
 * prompt {@code "> "} and continuation prompt {@code "~ "}.
 */
public final class TerminalPromptSource implements PromptSource {
    private final LineReader reader;
    private final ContinuationJoiner joiner;
    private final PromptFrame frame;
    private boolean ended;

    public TerminalPromptSource(LineReader reader, boolean multiline) {
        this(reader, multiline, PromptFrame.NONE);
    }

    public TerminalPromptSource(LineReader reader, boolean multiline, PromptFrame frame) {
        this.reader = reader;
        this.joiner = new ContinuationJoiner(multiline);
        this.frame = frame;
    }

    @Override
    public Optional<String> next() {
        while (!ended) {
            String line;
            try {
                try {
                    line = reader.readLine(frame.prompt(joiner.prompt()));
                } finally {
                    frame.accepted();
                }
            } catch (UserInterruptException e) {
                throw new QuitRequestedException();
            } catch (EndOfFileException | IOError e) {
                // Ctrl-D, or the terminal was closed under us: both end the input cleanly.
                ended = true;
                return joiner.finish();
            }
            Optional<String> logical = joiner.accept(line);
            if (logical.isPresent()) {
                return logical;
            }
        }
        return Optional.empty();
    }
}
