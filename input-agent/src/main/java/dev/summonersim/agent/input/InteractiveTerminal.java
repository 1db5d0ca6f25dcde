package dev.summonersim.agent.input;

import dev.summonersim.agent.input.prompt.ContinuationJoiner;
import dev.summonersim.agent.input.prompt.PromptSource;
import dev.summonersim.agent.input.prompt.TerminalPromptSource;
import dev.summonersim.agent.input.view.Screen;
import dev.summonersim.agent.input.view.TerminalScreen;
import java.io.IOException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** A JLine terminal and its line reader, set up so that what is typed is sent exactly as typed. */
public final class InteractiveTerminal implements AutoCloseable {
    private final Terminal terminal;
    private final LineReader reader;
    private final TerminalScreen screen;

    public InteractiveTerminal(Terminal terminal) {
        this.terminal = terminal;
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("input-agent")
                // Never ask for more input on quotes or backslashes: continuation is the --multiline rule only.
                .parser(new DefaultParser().eofOnUnclosedQuote(false).eofOnEscapedNewLine(false))
                // Event expansion would rewrite "!" and drop backslashes from what is sent.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                // A paste is typed line by line, as on the reference's plain terminal: each line is one input
                // (or one continuation line with --multiline 1) instead of one multi-line buffer.
                .option(LineReader.Option.BRACKETED_PASTE, false)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, ContinuationJoiner.CONTINUATION_PROMPT)
                .build();
        this.screen = new TerminalScreen(reader);
    }

    /** The process's own terminal. */
    public static InteractiveTerminal openSystem() throws IOException {
        return new InteractiveTerminal(TerminalBuilder.builder().name("input-agent").system(true).build());
    }

    public LineReader reader() {
        return reader;
    }

    public PromptSource prompts(boolean multiline) {
        return new TerminalPromptSource(reader, multiline, screen);
    }

    public Screen screen() {
        return screen;
    }

    @Override
    public void close() throws IOException {
        screen.close();
        terminal.close();
    }
}
