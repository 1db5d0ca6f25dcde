package dev.summonersim.sdk.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into LF-terminated lines while holding at most {@code maxLineBytes - 1} bytes of one line:
 * a line whose length including the LF exceeds the limit is skipped to its LF and reported, never buffered. A last
 * line without LF before EOF is still returned (the Python relay's "Warning: Server disconnected." has none).
 */
final class BoundedLineReader {
    /** Told about each line that was dropped for being too long. */
    @FunctionalInterface
    interface OverlongListener {
        void lineDropped();
    }

    private final InputStream in;
    private final int maxContentBytes;
    private final OverlongListener overlong;
    private final byte[] buffer = new byte[8192];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private int position;
    private int limit;
    private boolean skipping;

    BoundedLineReader(InputStream in, int maxLineBytes, OverlongListener overlong) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes < 1: " + maxLineBytes);
        }
        this.in = in;
        this.maxContentBytes = maxLineBytes - 1;
        this.overlong = overlong;
    }

    /** The next line without its LF (a CR before it is kept), or null at end of stream. */
    byte[] readLine() throws IOException {
        while (true) {
            if (position == limit) {
                int n = in.read(buffer);
                if (n < 0) {
                    return atEndOfStream();
                }
                position = 0;
                limit = n;
            }
            int lf = indexOfLf();
            int end = lf < 0 ? limit : lf;
            int chunk = end - position;
            if (!skipping && line.size() + chunk > maxContentBytes) {
                skipping = true;
                line.reset();
            }
            if (!skipping) {
                line.write(buffer, position, chunk);
            }
            position = lf < 0 ? limit : lf + 1;
            if (lf >= 0) {
                if (skipping) {
                    skipping = false;
                    overlong.lineDropped();
                    continue;
                }
                byte[] out = line.toByteArray();
                line.reset();
                return out;
            }
        }
    }

    private byte[] atEndOfStream() {
        if (skipping) {
            skipping = false;
            overlong.lineDropped();
            return null;
        }
        if (line.size() == 0) {
            return null;
        }
        byte[] out = line.toByteArray();
        line.reset();
        return out;
    }

    private int indexOfLf() {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
