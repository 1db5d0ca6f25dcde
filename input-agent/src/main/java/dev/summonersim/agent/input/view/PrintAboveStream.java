package dev.summonersim.agent.input.view;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.reader.LineReader;

/**
 * An output stream whose complete lines are printed above the prompt, so log output on an interactive terminal
 * does not garble the line being typed. Bytes after the last newline wait for the rest of their line.
 */
public final class PrintAboveStream extends OutputStream {
    private final LineReader reader;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public PrintAboveStream(LineReader reader) {
        this.reader = reader;
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    private void emit() {
        String text = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        reader.printAbove(text);
    }
}
