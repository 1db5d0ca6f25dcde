package dev.summonersim.agent.input.view;

import java.util.List;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.Status;

/**
 * A JLine terminal: everything is printed above the prompt with {@link LineReader#printAbove(String)}, so the line
 * being typed is redrawn instead of garbled. Running text is printed a complete line at a time; the unfinished
 * line is shown live in the terminal's status line when the terminal supports one (not on "dumb" terminals).
 */
public final class TerminalScreen implements Screen, AutoCloseable {
    private final LineReader reader;
    private final Status status;
    private final StringBuilder unfinishedLine = new StringBuilder();

    public TerminalScreen(LineReader reader) {
        this.reader = reader;
        this.status = Status.getStatus(reader.getTerminal(), true);
    }

    /** Prints any unfinished line and gives the status line's row back to the terminal (scroll region reset). */
    @Override
    public synchronized void close() {
        if (unfinishedLine.length() > 0) {
            reader.printAbove(unfinishedLine.toString());
            unfinishedLine.setLength(0);
        }
        if (status != null) {
            status.close();
        }
    }

    @Override
    public synchronized void showDisplay(String referenceBytes) {
        reader.printAbove(withoutPromptFrame(referenceBytes));
    }

    @Override
    public synchronized void appendText(String text) {
        unfinishedLine.append(text);
        int lastNewline = unfinishedLine.lastIndexOf("\n");
        if (lastNewline >= 0) {
            reader.printAbove(unfinishedLine.substring(0, lastNewline + 1));
            unfinishedLine.delete(0, lastNewline + 1);
        }
        showUnfinishedLine();
    }

    private void showUnfinishedLine() {
        if (status == null) {
            return;
        }
        int width = Math.max(1, reader.getTerminal().getWidth() - 1);
        String line = unfinishedLine.toString();
        if (line.length() > width) {
            // Keep the newest text visible: that is where the tokens are arriving.
            line = "…" + line.substring(line.length() - width + 1);
        }
        status.update(line.isEmpty() ? List.of() : List.of(new AttributedString(line)));
    }

    /** "\r<tag> <text>\n> " -> "<tag> <text>": JLine returns to the line start and redraws the prompt itself. */
    static String withoutPromptFrame(String referenceBytes) {
        String s = referenceBytes;
        if (s.startsWith("\r")) {
            s = s.substring(1);
        }
        if (s.endsWith("\n> ")) {
            s = s.substring(0, s.length() - 3);
        } else if (s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
