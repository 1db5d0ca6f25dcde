package dev.summonersim.agent.input.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.sdk.events.StreamCancelled;
import dev.summonersim.sdk.events.StreamEnd;
import dev.summonersim.sdk.events.StreamError;
import dev.summonersim.sdk.events.StreamEvent;
import dev.summonersim.sdk.events.StreamStart;
import dev.summonersim.sdk.events.Token;
import dev.summonersim.sdk.protocol.MessageDecoder;
import dev.summonersim.sdk.protocol.RelayMessage;
import dev.summonersim.sdk.protocol.TextMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TextViewTest {
    private static final String A = "6e475111-8633-42ea-a456-f146366f131f";
    private static final String B = "0b5d2c9e-1111-4222-8333-944455556666";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong();
    private final TextView view = new TextView(new PlainScreen(out), nanos::get);

    private void receive(StreamEvent event) {
        view.show(new RelayMessage("127.0.0.1:50490", event.toPayload()));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tokensAreAppendedLiveAndTheStreamEndsWithAFooter() {
        receive(new StreamStart(A));
        assertThat(output()).isEmpty();
        receive(new Token(A, "Hello"));
        receive(new Token(A, ","));
        assertThat(output()).as("each token appears as it arrives").isEqualTo("[6e475111] Hello,");
        receive(new Token(A, " I'm"));
        nanos.set(1_340_000_000L);
        receive(new StreamEnd(A));
        assertThat(output()).isEqualTo("[6e475111] Hello, I'm\n[6e475111] [stream_end] 3 tokens in 1.3 s\n");
    }

    @Test
    void interleavedStreamsGetOneLabelledLinePerSwitch() {
        receive(new StreamStart(A));
        receive(new Token(A, "One"));
        receive(new StreamStart(B));
        receive(new Token(B, "Two"));
        receive(new Token(A, " more"));
        receive(new Token(A, " words"));
        nanos.set(500_000_000L);
        receive(new StreamEnd(B));
        receive(new Token(A, "!"));
        nanos.set(2_000_000_000L);
        receive(new StreamEnd(A));
        assertThat(output()).isEqualTo(
                "[6e475111] One\n"
                        + "[0b5d2c9e] Two\n"
                        + "[6e475111]  more words\n"
                        + "[0b5d2c9e] [stream_end] 1 token in 0.5 s\n"
                        + "[6e475111] !\n"
                        + "[6e475111] [stream_end] 4 tokens in 2.0 s\n");
    }

    @Test
    void cancelAndErrorFootersGiveTheReason() {
        receive(new StreamStart(A));
        receive(new Token(A, "par"));
        receive(new StreamCancelled(A));
        receive(new StreamStart(B));
        receive(new StreamError(B, "RateLimitError: 100% used"));
        assertThat(output()).isEqualTo(
                "[6e475111] par\n"
                        + "[6e475111] [stream_cancelled] after 1 token in 0.0 s\n"
                        + "[0b5d2c9e] [stream_error] RateLimitError: 100% used after 0 tokens in 0.0 s\n");
    }

    @Test
    void newlinesInsideTokensContinueOnANewLabelledLine() {
        receive(new Token(A, "line one\nline two"));
        receive(new Token(A, "\n"));
        receive(new Token(A, "three"));
        receive(new StreamEnd(A));
        assertThat(output()).isEqualTo(
                "[6e475111] line one\n"
                        + "[6e475111] line two\n"
                        + "[6e475111] three\n"
                        + "[6e475111] [stream_end] 3 tokens in 0.0 s\n");
    }

    @Test
    void otherMessagesAreShownAsInTheRawViewOnTheirOwnLine() {
        receive(new Token(A, "partial"));
        view.show(new TextMessage("Warning: Server is shutting down."));
        view.show(MessageDecoder.decode("{\"content\":\"raw line\",\"remote_addr\":\"127.0.0.1:50490\"}\n"));
        java.util.Map<String, Object> notAnEvent = new java.util.LinkedHashMap<>();
        notAnEvent.put("type", "token");
        notAnEvent.put("stream_id", 5L);
        view.show(new RelayMessage("127.0.0.1:1", notAnEvent));
        assertThat(output()).isEqualTo(
                "[6e475111] partial\n"
                        + "[From server] Warning: Server is shutting down.\n"
                        + "[Received] raw line\n"
                        + "[Received] {'type': 'token', 'stream_id': 5}\n");
    }

    @Test
    void shortStreamIdsAreUsedWhole() {
        receive(new Token("x", "a"));
        assertThat(output()).isEqualTo("[x] a");
    }

    @Test
    void aSilentStreamWithoutTerminalEventIsMarkedStalledOnceUntilItMovesAgain() {
        TextView stalling = new TextView(new PlainScreen(out), nanos::get, java.time.Duration.ofSeconds(5));
        stalling.show(new RelayMessage("a:1", new StreamStart(A).toPayload()));
        stalling.show(new RelayMessage("a:1", new Token(A, "Hello").toPayload()));
        stalling.show(new RelayMessage("a:1", new StreamStart(B).toPayload()));
        stalling.show(new RelayMessage("a:1", new StreamEnd(B).toPayload()));
        nanos.set(4_999_999_999L);
        stalling.checkStalls();
        assertThat(output()).isEqualTo("[6e475111] Hello\n[0b5d2c9e] [stream_end] 0 tokens in 0.0 s\n");
        nanos.set(5_000_000_000L);
        stalling.checkStalls();
        nanos.set(9_000_000_000L);
        stalling.checkStalls();
        stalling.show(new RelayMessage("a:1", new Token(A, " again").toPayload()));
        nanos.set(15_000_000_000L);
        stalling.checkStalls();
        assertThat(output()).isEqualTo("[6e475111] Hello\n[0b5d2c9e] [stream_end] 0 tokens in 0.0 s\n"
                + "[6e475111] [stalled] no event for 5.0 s after 1 token (no stream_end yet)\n"
                + "[6e475111]  again\n"
                + "[6e475111] [stalled] no event for 6.0 s after 2 tokens (no stream_end yet)\n");
    }
}
