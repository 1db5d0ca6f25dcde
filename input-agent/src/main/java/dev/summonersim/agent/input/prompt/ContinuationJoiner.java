package dev.summonersim.agent.input.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reference's {@code multi_ainput}: with multi-line on, a line ending in a backslash loses that one backslash
 * and continues on the next line; the lines are joined with "\n". With it off every line is a logical input as is
 * (a trailing backslash is then sent). Not thread-safe: one reader owns it.
 */
public final class ContinuationJoiner {
    public static final String PROMPT = "> ";
    public static final String CONTINUATION_PROMPT = "~ ";

    private final boolean multiline;
    private final List<String> pending = new ArrayList<>();

    public ContinuationJoiner(boolean multiline) {
        this.multiline = multiline;
    }

    /** Feeds one physical line (without its LF); returns the logical input once it is complete. */
    public Optional<String> accept(String line) {
        if (multiline && line.endsWith("\\")) {
            pending.add(line.substring(0, line.length() - 1));
            return Optional.empty();
        }
        pending.add(line);
        String joined = String.join("\n", pending);
        pending.clear();
        return Optional.of(joined);
    }

    /**
     * End of input in the middle of a continuation. The reference loses those lines (EOFError); here what was typed
     * is still sent, because the user typed it and nothing else can follow.
     */
    public Optional<String> finish() {
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        String joined = String.join("\n", pending);
        pending.clear();
        return Optional.of(joined);
    }

    /** The prompt for the next physical line. */
    public String prompt() {
        return pending.isEmpty() ? PROMPT : CONTINUATION_PROMPT;
    }
}
