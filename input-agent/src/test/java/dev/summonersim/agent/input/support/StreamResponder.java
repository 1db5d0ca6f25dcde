package dev.summonersim.agent.input.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.sdk.events.StreamEnd;
import dev.summonersim.sdk.events.StreamStart;
import dev.summonersim.sdk.events.Token;
import dev.summonersim.sdk.wire.MessageDecoder;
import dev.summonersim.sdk.wire.ReceivedMessage;
import dev.summonersim.sdk.wire.RelayMessage;
import java.time.Duration;
import java.util.List;

/** Plays a stream agent on a raw socket: waits for the prompt's envelope, answers with stream events. */
public final class StreamResponder {
    private StreamResponder() {
    }

    /** Waits for one relayed envelope and returns its payload, as the SDK decodes it. */
    public static Object awaitPayload(RawPeer peer, Duration timeout) throws InterruptedException {
        String line = peer.takeLine(timeout);
        assertThat(line).as("a relayed line within " + timeout).isNotNull();
        ReceivedMessage message = MessageDecoder.decode(line);
        assertThat(message).isInstanceOf(RelayMessage.class);
        return ((RelayMessage) message).content();
    }

    /** Sends stream_start, one token event per token, then stream_end. */
    public static void answer(RawPeer peer, String streamId, List<String> tokens) throws Exception {
        peer.sendPayload(new StreamStart(streamId).toPayload());
        for (String token : tokens) {
            peer.sendPayload(new Token(streamId, token).toPayload());
        }
        peer.sendPayload(new StreamEnd(streamId).toPayload());
    }
}
