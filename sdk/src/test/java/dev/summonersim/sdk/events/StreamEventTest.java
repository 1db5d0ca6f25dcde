package dev.summonersim.sdk.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.sdk.protocol.EnvelopeCodec;
import dev.summonersim.sdk.protocol.MessageDecoder;
import dev.summonersim.sdk.protocol.RelayFlavour;
import dev.summonersim.sdk.protocol.RelayFrameCodec;
import dev.summonersim.sdk.protocol.RelayMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamEventTest {

    private static final String ID = "6e475111-8633-42ea-a456-f146366f131f";

    @Test
    void payloadsEncodeExactlyAsTheReferenceEvents() {
        assertThat(EnvelopeCodec.encode(new StreamStart(ID).toPayload())).isEqualTo(
            "{\"_version\": \"1.3.0\", \"_payload\": {\"type\": \"stream_start\", \"stream_id\": \"" + ID
                + "\"}, \"_type\": {\"type\": \"str\", \"stream_id\": \"str\"}}\n");
        assertThat(EnvelopeCodec.encode(new Token(ID, "I'm").toPayload())).isEqualTo(
            "{\"_version\": \"1.3.0\", \"_payload\": {\"type\": \"token\", \"stream_id\": \"" + ID
                + "\", \"token\": \"I'm\"}, \"_type\": {\"type\": \"str\", \"stream_id\": \"str\", \"token\": \"str\"}}\n");
        assertThat(EnvelopeCodec.encode(new StreamError(ID, "boom").toPayload())).isEqualTo(
            "{\"_version\": \"1.3.0\", \"_payload\": {\"type\": \"stream_error\", \"stream_id\": \"" + ID
                + "\", \"error\": \"boom\"}, \"_type\": {\"type\": \"str\", \"stream_id\": \"str\", \"error\": \"str\"}}\n");
        assertThat(new StreamEnd(ID).toPayload()).containsExactly(Map.entry("type", "stream_end"),
            Map.entry("stream_id", ID));
        assertThat(new StreamCancelled(ID).type()).isEqualTo("stream_cancelled");
    }

    @Test
    void everyEventSurvivesTheWireAndComesBack() {
        List<StreamEvent> events = List.of(new StreamStart(ID), new Token(ID, " 42"), new Token(ID, "null"),
            new StreamEnd(ID), new StreamCancelled(ID), new StreamError(ID, "e"));
        for (StreamEvent event : events) {
            String line = RelayFrameCodec.encode(RelayFlavour.RUST, "127.0.0.1:1",
                RelayFrameCodec.contentOf(RelayFlavour.RUST, EnvelopeCodec.encode(event.toPayload())));
            RelayMessage message = (RelayMessage) MessageDecoder.decode(line);
            assertThat(StreamEvent.fromContent(message.content())).contains(event);
        }
    }

    @Test
    void fromContentRejectsOtherShapes() {
        assertThat(StreamEvent.fromContent("stream_start")).isEmpty();
        assertThat(StreamEvent.fromContent(null)).isEmpty();
        assertThat(StreamEvent.fromContent(Map.of("type", "prompt", "stream_id", ID))).isEmpty();
        assertThat(StreamEvent.fromContent(Map.of("type", "token", "stream_id", ID))).isEmpty();
        assertThat(StreamEvent.fromContent(Map.of("type", "token", "stream_id", ID, "token", 42L))).isEmpty();
        assertThat(StreamEvent.fromContent(Map.of("type", "stream_end", "stream_id", 5L))).isEmpty();
        assertThat(StreamEvent.fromContent(Map.of("type", "stream_end", "stream_id", ID, "extra", 1L)))
            .contains(new StreamEnd(ID));
    }

    @Test
    void typeNames() {
        assertThat(List.of("stream_start", "token", "stream_end", "stream_cancelled", "stream_error"))
            .allMatch(StreamEvent::isStreamEventType);
        assertThat(StreamEvent.isStreamEventType("prompt")).isFalse();
        assertThat(StreamEvent.isStreamEventType(null)).isFalse();
    }

    @Test
    void onlyEndCancelledAndErrorEndAStream() {
        assertThat(List.of(new StreamEnd(ID), new StreamCancelled(ID), new StreamError(ID, "e")))
            .allMatch(StreamEvent::isTerminal);
        assertThat(List.of(new StreamStart(ID), new Token(ID, "stream_end"))).noneMatch(StreamEvent::isTerminal);
    }
}
