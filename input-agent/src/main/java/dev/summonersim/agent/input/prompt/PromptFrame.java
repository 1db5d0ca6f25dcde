package dev.summonersim.agent.input.prompt;

/**
 * What is drawn around the prompt: the screen puts the live row of a running stream right above it, and learns
 * when a typed line was accepted (the row then stays where it was drawn).
 */
public interface PromptFrame {
    PromptFrame NONE = new PromptFrame() {
        @Override
        public String prompt(String base) {
            return base;
        }

        @Override
        public void accepted() {
        }
    };

    /** The full prompt to show for {@code base} ({@code "> "} or {@code "~ "}). */
    String prompt(String base);

    /** Called when readLine returned: what the prompt showed is now ordinary screen content. */
    void accepted();
}
