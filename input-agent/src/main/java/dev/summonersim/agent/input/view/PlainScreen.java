package dev.summonersim.agent.input.view;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Writes UTF-8 bytes unchanged and flushes after every call, so a reader of the pipe sees messages at once. */
public final class PlainScreen implements Screen {
    private final OutputStream out;

    public PlainScreen(OutputStream out) {
        this.out = out;
    }

    @Override
    public void showDisplay(String referenceBytes) {
        write(referenceBytes);
    }

    @Override
    public void appendText(String text) {
        write(text);
    }

    private synchronized void write(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the output", e);
        }
    }
}
