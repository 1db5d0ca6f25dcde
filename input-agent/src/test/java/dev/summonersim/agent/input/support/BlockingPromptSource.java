package dev.summonersim.agent.input.support;

import dev.summonersim.agent.input.prompt.PromptSource;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Inputs the test hands over one by one; {@link #end()} is end of input. Until then next() blocks. */
public final class BlockingPromptSource implements PromptSource {
    private static final Optional<String> END = Optional.empty();
    private final BlockingQueue<Optional<String>> inputs = new LinkedBlockingQueue<>();

    public void type(String logicalInput) {
        inputs.add(Optional.of(logicalInput));
    }

    public void end() {
        inputs.add(END);
    }

    @Override
    public Optional<String> next() {
        try {
            Optional<String> next = inputs.take();
            if (next.isEmpty()) {
                inputs.add(END); // stays at the end
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return END;
        }
    }

    @Override
    public void close() {
        inputs.add(END);
    }
}
