package dev.summonersim.agent.input.prompt;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The --send values, each one logical input exactly as given (a value may contain real newlines; no backslash
 * joining, because the shell already delivers the whole text). Never touches stdin.
 */
public final class FixedPromptSource implements PromptSource {
    private final Deque<String> remaining;

    public FixedPromptSource(List<String> inputs) {
        this.remaining = new ArrayDeque<>(inputs);
    }

    @Override
    public synchronized Optional<String> next() {
        return Optional.ofNullable(remaining.pollFirst());
    }
}
