package dev.summonersim.llmstub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventSplitterTest {

    private static List<String> feedInPieces(String text, int pieceSize) {
        SseEventSplitter splitter = new SseEventSplitter();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += pieceSize) {
            splitter.feed(bytes, i, Math.min(pieceSize, bytes.length - i)).forEach(e -> events.add(e.data()));
        }
        return events;
    }

    @Test
    void eventsSplitAnywhereAcrossReadsComeOutWhole() {
        String stream = "data: {\"a\":1}\n\n: keep-alive comment\n\ndata: first\ndata: second\n\ndata:[DONE]\n\n";
        for (int piece = 1; piece <= stream.length(); piece++) {
            assertThat(feedInPieces(stream, piece)).as("pieces of %d bytes", piece)
                    .containsExactly("{\"a\":1}", "first\nsecond", "[DONE]");
        }
    }

    @Test
    void crLfAndBareCrLineEndsWork() {
        assertThat(feedInPieces("data: x\r\n\r\ndata: y\r\rdata: z\n\n", 1)).containsExactly("x", "y", "z");
        assertThat(feedInPieces("data: x\r\n\r\ndata: y\r\rdata: z\n\n", 3)).containsExactly("x", "y", "z");
    }

    @Test
    void theEndIndexIsTheByteThatCompletedTheEvent() {
        byte[] bytes = "data: x\n\ndata: y\n".getBytes(StandardCharsets.UTF_8);
        SseEventSplitter splitter = new SseEventSplitter();
        List<SseEventSplitter.Event> events = splitter.feed(bytes, 0, bytes.length);
        assertThat(events).singleElement().satisfies(e -> assertThat(e.endIndex()).isEqualTo(8));
        assertThat(splitter.feed("\n".getBytes(StandardCharsets.UTF_8), 0, 1)).singleElement()
                .satisfies(e -> assertThat(e.data()).isEqualTo("y"));
    }
}
