package dev.summonersim.sdk.client;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedLineReaderTest {
    private final AtomicInteger dropped = new AtomicInteger();

    private List<String> readAll(String input, int maxLineBytes) throws IOException {
        return readAll(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), maxLineBytes);
    }

    private List<String> readAll(InputStream in, int maxLineBytes) throws IOException {
        BoundedLineReader reader = new BoundedLineReader(in, maxLineBytes, dropped::incrementAndGet);
        List<String> lines = new ArrayList<>();
        byte[] line;
        while ((line = reader.readLine()) != null) {
            lines.add(new String(line, StandardCharsets.UTF_8));
        }
        return lines;
    }

    @Test
    void splitsOnLfAndKeepsCr() throws IOException {
        assertThat(readAll("a\nb\r\n\nc\n", 100)).containsExactly("a", "b\r", "", "c");
        assertThat(dropped).hasValue(0);
    }

    @Test
    void lineOfExactlyTheLimitIncludingLfIsKeptOneMoreIsDropped() throws IOException {
        String fits = "x".repeat(9) + "\n";
        String over = "y".repeat(10) + "\n";
        assertThat(readAll(fits + over + "z\n", 10)).containsExactly("x".repeat(9), "z");
        assertThat(dropped).hasValue(1);
    }

    @Test
    void unterminatedLastLineIsReturned() throws IOException {
        assertThat(readAll("a\nWarning: Server disconnected.", 100))
                .containsExactly("a", "Warning: Server disconnected.");
    }

    @Test
    void unterminatedOverlongLastLineIsDroppedAndReported() throws IOException {
        assertThat(readAll("a\n" + "b".repeat(50), 10)).containsExactly("a");
        assertThat(dropped).hasValue(1);
    }

    @Test
    void linesLongerThanTheReadBufferAreReassembled() throws IOException {
        String big = "q".repeat(100_000);
        assertThat(readAll(big + "\nend\n", 200_000)).containsExactly(big, "end");
    }

    @Test
    void dropsAHugeLineWithoutReadingItIntoMemoryAtOnce() throws IOException {
        // an endless stream of 'x' ended by LF after 50 MB: only the read buffer is ever held
        long size = 50_000_000L;
        InputStream endlessLine = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : left == -1 ? '\n' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left < 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                if (n == 0) {
                    b[off] = '\n';
                    left = -1;
                    return 1;
                }
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        assertThat(readAll(endlessLine, 65_536)).isEmpty();
        assertThat(dropped).hasValue(1);
    }
}
