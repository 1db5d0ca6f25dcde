package dev.summonersim.agent.input.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A "dumb" terminal has no status line: running text appears a complete line at a time. */
class TerminalScreenTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Terminal terminal;
    private TerminalScreen screen;

    @BeforeEach
    void open() throws IOException {
        // Writes straight through to the stream, so the output can be checked without waiting.
        terminal = new DumbTerminal("test", "dumb", new ByteArrayInputStream(new byte[0]), out,
                StandardCharsets.UTF_8);
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
        screen = new TerminalScreen(reader);
    }

    @AfterEach
    void close() throws IOException {
        terminal.close();
    }

    private String output() {
        terminal.flush();
        return out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    @Test
    void completeLinesArePrintedAndTheUnfinishedOneWaits() {
        screen.appendText("[abc] Hel");
        assertThat(output()).doesNotContain("Hel");
        screen.appendText("lo\n[abc] [stream_end] 1 token in 0.1 s\n[def] par");
        assertThat(output()).contains("[abc] Hello\n[abc] [stream_end] 1 token in 0.1 s\n").doesNotContain("par");
        screen.close();
        assertThat(output()).as("closing shows what was left").contains("[def] par");
    }

    @Test
    void rawDisplayIsPrintedWithoutTheCarriageReturnAndPrompt() {
        screen.showDisplay("\r[Received] How are you?\n> ");
        assertThat(output()).isEqualTo("[Received] How are you?\n");
    }
}
