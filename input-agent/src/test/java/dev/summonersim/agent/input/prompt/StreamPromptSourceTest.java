package dev.summonersim.agent.input.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamPromptSourceTest {

    private static List<String> readAll(String input, boolean multiline) throws IOException {
        StreamPromptSource source = new StreamPromptSource(
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), multiline);
        List<String> out = new ArrayList<>();
        Optional<String> next;
        while ((next = source.next()).isPresent()) {
            out.add(next.get());
        }
        assertThat(source.next()).as("stays at end of input").isEmpty();
        return out;
    }

    @Test
    void oneLogicalInputPerLineKeepingEmptyLinesAndCarriageReturns() throws IOException {
        assertThat(readAll("How are you?\n\ncrlf\r\n  42 \n", false))
                .containsExactly("How are you?", "", "crlf\r", "  42 ");
    }

    @Test
    void aFinalLineWithoutNewlineStillCounts() throws IOException {
        assertThat(readAll("a\nlast", false)).containsExactly("a", "last");
    }

    @Test
    void emptyInputIsImmediatelyTheEnd() throws IOException {
        assertThat(readAll("", false)).isEmpty();
    }

    @Test
    void multilineJoinsContinuedLinesFromAPipe() throws IOException {
        assertThat(readAll("{\"a\":\\\n [1,\\\n2]}\nnext\n", true))
                .containsExactly("{\"a\":\n [1,\n2]}", "next");
    }

    @Test
    void endOfInputInsideAContinuationSendsWhatWasRead() throws IOException {
        assertThat(readAll("4\\\n", true)).containsExactly("4");
    }

    @Test
    void utf8IsDecoded() throws IOException {
        assertThat(readAll("héllo ✓ 😀\n", false)).containsExactly("héllo ✓ 😀");
    }
}
