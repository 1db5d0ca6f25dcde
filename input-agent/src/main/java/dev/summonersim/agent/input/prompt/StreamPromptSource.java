package dev.summonersim.agent.input.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Prompts read line by line from a non-terminal input (a pipe or a file). Lines end at LF only and a CR before it
 * is kept, as the reference's {@code rstrip("\n")}; a last line without LF still counts. No prompt is written, so
 * stdout carries only what was received.
 */
public final class StreamPromptSource implements PromptSource {
    private final InputStream raw;
    private final Reader in;
    private final ContinuationJoiner joiner;
    private boolean ended;

    public StreamPromptSource(InputStream in, boolean multiline) {
        this.raw = in;
        this.in = new InputStreamReader(in, StandardCharsets.UTF_8);
        this.joiner = new ContinuationJoiner(multiline);
    }

    @Override
    public Optional<String> next() throws IOException {
        while (!ended) {
            String line = readLine();
            if (line == null) {
                ended = true;
                return joiner.finish();
            }
            Optional<String> logical = joiner.accept(line);
            if (logical.isPresent()) {
                return logical;
            }
        }
        return Optional.empty();
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                return line.toString();
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    /**
     * Closes the byte stream, not the reader: the reader's close waits for its lock, which a blocked read holds,
     * and shutdown must not wait for the user's next line.
     */
    @Override
    public void close() {
        try {
            raw.close();
        } catch (IOException ignored) {
            // Closing only unblocks a pending read where the platform allows it; nothing to report.
        }
    }
}
