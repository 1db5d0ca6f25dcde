package dev.summonersim.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a relay connection the way Summoner clients split it: on LF only (a CR is content), each line decoded as
 * UTF-8, and a last line the peer closed without LF still delivered. Shared by the recording clients of the testkit
 * and the conformance kit, which differ only in what they do with a line and with a failed read.
 */
public final class LfLines {

    private LfLines() {
    }

    /** Delivers every line of {@code in} to {@code each} until end of stream; a read failure is thrown. */
    public static void read(InputStream in, Consumer<String> each) throws IOException {
        try (InputStream buffered = new BufferedInputStream(in)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = buffered.read()) >= 0) {
                if (b == '\n') {
                    each.accept(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
            if (line.size() > 0) {
                each.accept(line.toString(StandardCharsets.UTF_8));
            }
        }
    }
}
