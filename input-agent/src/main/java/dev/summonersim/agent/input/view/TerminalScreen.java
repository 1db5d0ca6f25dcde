package dev.summonersim.agent.input.view;

import dev.summonersim.agent.input.prompt.PromptFrame;
import java.util.List;
import org.jline.reader.LineReader;
import org.jline.reader.impl.LineReaderImpl;

/**
 * A JLine terminal: everything is printed above the prompt with {@link LineReader#printAbove(String)}, so the line
 * being typed is redrawn instead of garbled. Lines are wrapped to the terminal width with a hanging indent under
 * their tag ({@link LineWrapper}).
 *
 * <p>Running text (the text view's stream line) is drawn where a chat client draws it: right under the last line
 * printed, which is the prompt line that started the stream, and right above the prompt being typed. Its finished
 * rows are printed like any line; its last, unfinished row is the first line of the prompt itself, so JLine keeps
 * it in place while the user types, and redraws it under its lock when it grows. When the user presses Enter, that
 * row stays on screen above the typed line (JLine leaves the prompt as drawn) and the stream continues below it on
 * a new row with its label again.
 *
 * <p>Lock order: this screen's monitor, then JLine's lock. The refresh widget runs under JLine's lock and reads only
 * the volatile {@link #liveRow}, never this monitor.
 */
public final class TerminalScreen implements Screen, PromptFrame, AutoCloseable {
    static final String REFRESH_WIDGET = "summoner-live-text-refresh";

    private final LineReader reader;
    private final LineReaderImpl impl;
    /** The unfinished line's text not printed yet; it starts with the tag unless rows of it were printed. */
    private final StringBuilder body = new StringBuilder();
    /** What the first row of {@link #body} starts with: "" on a fresh line, the hanging indent when continuing. */
    private String firstPrefix = "";
    private int indent;
    /** The unfinished line's tag ({@code [9e1f0e19] }), repeated when it continues below a typed line. */
    private String tag = "";
    private boolean relabelNext;

    /** The live row with its newline, or "" (read by the refresh widget under JLine's lock). */
    private volatile String liveRow = "";
    /** What the prompt currently shows of the live row, and the prompt it goes with. */
    private volatile String shownRow = "";
    private volatile String basePrompt = "> ";

    public TerminalScreen(LineReader reader) {
        this.reader = reader;
        this.impl = reader instanceof LineReaderImpl lineReaderImpl ? lineReaderImpl : null;
        if (impl != null) {
            reader.getWidgets().put(REFRESH_WIDGET, () -> {
                String row = liveRow;
                shownRow = row;
                impl.setPrompt(row + basePrompt);
                impl.redisplay();
                return true;
            });
        }
    }

    /** Prints any unfinished line, so nothing received is lost from the screen. */
    @Override
    public synchronized void close() {
        if (body.length() > 0) {
            printRows(rows());
        }
        body.setLength(0);
        liveRow = "";
    }

    @Override
    public synchronized void showDisplay(String referenceBytes) {
        StringBuilder out = new StringBuilder();
        for (String line : withoutPromptFrame(referenceBytes).split("\n", -1)) {
            out.append(String.join("\n", LineWrapper.wrap("", line, LineWrapper.hangingIndent(line), width())))
                    .append('\n');
        }
        reader.printAbove(out.toString());
    }

    @Override
    public synchronized void appendText(String text) {
        int from = 0;
        int nl;
        while ((nl = text.indexOf('\n', from)) >= 0) {
            addToLine(text.substring(from, nl));
            finishLine();
            from = nl + 1;
        }
        addToLine(text.substring(from));
        showLiveRow();
    }

    @Override
    public String prompt(String base) {
        basePrompt = base;
        String row = liveRow;
        shownRow = row;
        return row + base;
    }

    /** The shown live row stays on screen above the typed line; the rest of the line continues on a new row. */
    @Override
    public synchronized void accepted() {
        String shown = shownRow;
        shownRow = "";
        if (shown.isEmpty() || body.length() == 0 || !shown.startsWith(firstPrefix)) {
            return;
        }
        String shownBody = shown.substring(firstPrefix.length(), shown.length() - 1);
        if (!body.toString().startsWith(shownBody)) {
            return;
        }
        String rest = body.substring(shownBody.length());
        body.setLength(0);
        firstPrefix = "";
        if (rest.isEmpty()) {
            relabelNext = true;
        } else {
            body.append(tag).append(rest);
        }
        showLiveRow();
    }

    private void addToLine(String text) {
        if (text.isEmpty()) {
            return;
        }
        if (body.length() == 0 && firstPrefix.isEmpty()) {
            if (relabelNext) {
                body.append(tag);
                relabelNext = false;
            } else {
                indent = LineWrapper.hangingIndent(text);
                tag = LineWrapper.tagOf(text);
            }
        }
        body.append(text);
        List<String> rows = rows();
        if (rows.size() > 1) {
            // Every row but the last is final: print those like any line and keep the last one live.
            printRows(rows.subList(0, rows.size() - 1));
            String last = rows.get(rows.size() - 1);
            firstPrefix = " ".repeat(indent);
            body.setLength(0);
            body.append(last.substring(firstPrefix.length()));
        }
    }

    private void finishLine() {
        boolean started = !firstPrefix.isEmpty() || relabelNext;
        if (body.length() > 0 || !started) {
            printRows(rows());
        }
        body.setLength(0);
        firstPrefix = "";
        relabelNext = false;
        tag = "";
    }

    private List<String> rows() {
        return LineWrapper.wrap(firstPrefix, body.toString(), indent, width());
    }

    private void printRows(List<String> rows) {
        reader.printAbove(String.join("\n", rows) + "\n");
    }

    private void showLiveRow() {
        String row = body.length() == 0 ? "" : String.join("\n", rows()) + "\n";
        if (!row.equals(liveRow)) {
            liveRow = row;
        }
        if (impl != null && !shownRow.equals(liveRow)) {
            try {
                reader.callWidget(REFRESH_WIDGET);
            } catch (IllegalStateException notReading) {
                // Between two prompts: the next prompt shows the live row (see prompt()).
            }
        }
    }

    private int width() {
        return reader.getTerminal().getWidth();
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
