package dev.summonersim.sdk.client;

import dev.summonersim.sdk.config.ClientConfig;
import dev.summonersim.sdk.config.ReceiverSettings;
import dev.summonersim.sdk.protocol.JsonMessage;
import dev.summonersim.sdk.protocol.ReceivedMessage;
import dev.summonersim.sdk.protocol.RelayMessage;
import dev.summonersim.sdk.protocol.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.summonersim.sdk.client.TestClients.WAIT;
import static dev.summonersim.sdk.client.TestClients.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class ReceiveLoopTest {
    private static final String RELAYED_HI =
            "{\"remote_addr\": \"127.0.0.1:5000\", \"content\": \"{\\\"_version\\\": \\\"1.3.0\\\", "
                    + "\\\"_payload\\\": \\\"hi\\\", \\\"_type\\\": \\\"str\\\"}\"}\n";

    private FakeRelay relay;
    private final BlockingQueue<ReceivedMessage> received = new LinkedBlockingQueue<>();
    private final List<ClientHandle> handles = new ArrayList<>();

    @BeforeEach
    void startRelay() throws Exception {
        relay = new FakeRelay();
    }

    @AfterEach
    void stopAll() throws Exception {
        handles.forEach(ClientHandle::close);
        relay.close();
    }

    private ClientHandle start(String name, int maxBytesPerLine, ReceiveHandler... handlers) {
        ClientConfig config = TestClients.fastRetries(null, null, null).toBuilder()
                .receiver(ReceiverSettings.builder().maxBytesPerLine(maxBytesPerLine).build())
                .build();
        SummonerClient.Builder builder = SummonerClient.builder(name).config(config).port(relay.port());
        for (ReceiveHandler handler : handlers) {
            builder.onReceive(handler);
        }
        ClientHandle handle = builder.build().start();
        handles.add(handle);
        return handle;
    }

    private ReceivedMessage next() throws InterruptedException {
        ReceivedMessage message = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(message).as("a message within %s", WAIT).isNotNull();
        return message;
    }

    @Test
    void decodesRelayedEnvelopesInArrivalOrder() throws Exception {
        start(uniqueName("recv-order"), 65_536, received::put);
        FakeRelay.Peer peer = relay.awaitPeer(WAIT);

        peer.send(RELAYED_HI + "42\nplain text\r\n");

        assertThat(next()).isEqualTo(new RelayMessage("127.0.0.1:5000", "hi"));
        assertThat(next()).isEqualTo(new JsonMessage(42L));
        assertThat(next()).isEqualTo(new TextMessage("plain text\r"));
    }

    @Test
    void handlerExceptionIsLoggedAndTheNextMessageStillArrives() throws Exception {
        String name = uniqueName("recv-throw");
        try (RecordingLog log = new RecordingLog(name)) {
            start(name, 65_536,
                    message -> {
                        if (message instanceof TextMessage t && t.text().equals("first")) {
                            throw new IllegalStateException("handler bug");
                        }
                    },
                    received::put);
            FakeRelay.Peer peer = relay.awaitPeer(WAIT);

            peer.send("first\nsecond\n");

            assertThat(next()).isEqualTo(new TextMessage("first"));
            assertThat(next()).isEqualTo(new TextMessage("second"));
            assertThat(log.awaitLine("Receive handler #1 raised an unexpected error")).startsWith("ERROR");
        }
    }

    @Test
    void interruptLeakingFromAHandlerDoesNotEndTheSession() throws Exception {
        start(uniqueName("recv-interrupt"), 65_536,
                message -> {
                    if (message instanceof TextMessage t && t.text().equals("cancel me")) {
                        throw new InterruptedException("as StreamAgent's cancelled task (Q1)");
                    }
                },
                received::put);
        FakeRelay.Peer peer = relay.awaitPeer(WAIT);

        peer.send("cancel me\n");
        assertThat(next()).isEqualTo(new TextMessage("cancel me"));
        peer.send("still here\n");

        assertThat(next()).isEqualTo(new TextMessage("still here"));
        assertThat(relay.pollPeer(java.time.Duration.ofMillis(100))).as("no reconnect").isNull();
    }

    @Test
    void overlongLineIsDroppedAndTheConnectionContinues() throws Exception {
        String name = uniqueName("recv-long");
        try (RecordingLog log = new RecordingLog(name)) {
            start(name, 64, received::put);
            FakeRelay.Peer peer = relay.awaitPeer(WAIT);

            String fits = "x".repeat(63) + "\n";           // 64 bytes with the LF: delivered
            String tooLong = "y".repeat(64) + "\n";        // 65 bytes: dropped
            String huge = "z".repeat(1_000_000) + "\n";    // far beyond: dropped without buffering it
            peer.send(fits + tooLong + huge + "after\n");

            assertThat(next()).isEqualTo(new TextMessage("x".repeat(63)));
            assertThat(next()).isEqualTo(new TextMessage("after"));
            assertThat(log.awaitLine("Incoming line exceeded 64 bytes; dropping")).startsWith("WARN");
            assertThat(log.count("Incoming line exceeded 64 bytes; dropping")).isEqualTo(2);
        }
    }

    @Test
    void referenceLimitR7AndR8WithTheDefaultMaxBytesPerLine() throws Exception {
        String name = uniqueName("recv-r7");
        try (RecordingLog log = new RecordingLog(name)) {
            start(name, ReceiverSettings.DEFAULT_MAX_BYTES_PER_LINE, received::put);
            FakeRelay.Peer peer = relay.awaitPeer(WAIT);

            peer.send("a".repeat(65_535) + "\n");   // 65,536 bytes with the LF: delivered
            peer.send("b".repeat(65_536) + "\n");   // R7: 65,537 bytes: dropped
            peer.send("c".repeat(200_000) + "\n");  // R8: the reference exits here; we drop it
            peer.send("d\n");

            assertThat(next()).isEqualTo(new TextMessage("a".repeat(65_535)));
            assertThat(next()).isEqualTo(new TextMessage("d"));
            assertThat(log.awaitLine("Incoming line exceeded 65536 bytes; dropping")).startsWith("WARN");
            assertThat(log.count("Incoming line exceeded 65536 bytes; dropping")).isEqualTo(2);
        }
    }

    @Test
    void invalidUtf8IsDroppedAndTheConnectionContinues() throws Exception {
        String name = uniqueName("recv-utf8");
        try (RecordingLog log = new RecordingLog(name)) {
            start(name, 65_536, received::put);
            FakeRelay.Peer peer = relay.awaitPeer(WAIT);

            peer.sendBytes(new byte[] {'b', 'a', 'd', (byte) 0xC3, (byte) 0x28, '\n'});
            peer.send("caf\u00e9\n");

            assertThat(next()).isEqualTo(new TextMessage("caf\u00e9"));
            assertThat(log.awaitLine("not valid UTF-8")).startsWith("WARN");
        }
    }

    @Test
    void unterminatedLastLineBeforeEofIsDelivered() throws Exception {
        start(uniqueName("recv-eof"), 65_536, received::put);
        FakeRelay.Peer peer = relay.awaitPeer(WAIT);

        peer.sendBytes("Warning: Server disconnected.".getBytes(StandardCharsets.UTF_8));
        peer.close();

        ReceivedMessage message = next();
        assertThat(message).isEqualTo(new TextMessage("Warning: Server disconnected."));
        assertThat(((TextMessage) message).isServerWarning()).isTrue();
    }

    @Test
    void slowHandlerHoldsBackTheNextMessage() throws Exception {
        BlockingQueue<String> gate = new LinkedBlockingQueue<>();
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        start(uniqueName("recv-hol"), 65_536, message -> {
            seen.add(((TextMessage) message).text());
            if (seen.size() == 1) {
                gate.take();
            }
            received.put(message);
        });
        FakeRelay.Peer peer = relay.awaitPeer(WAIT);

        peer.send("one\ntwo\n");
        TestClients.eventually().until(() -> seen.size() == 1);
        assertThat(received.poll(100, TimeUnit.MILLISECONDS)).isNull();
        assertThat(seen).containsExactly("one");
        gate.put("go");

        assertThat(next()).isEqualTo(new TextMessage("one"));
        assertThat(next()).isEqualTo(new TextMessage("two"));
    }

    @Test
    void everyHandlerGetsEveryMessage() throws Exception {
        BlockingQueue<ReceivedMessage> other = new LinkedBlockingQueue<>();
        start(uniqueName("recv-all"), 65_536, received::put, other::put);
        FakeRelay.Peer peer = relay.awaitPeer(WAIT);

        peer.send("{\"a\": 1}\n");

        assertThat(next()).isEqualTo(new JsonMessage(Map.of("a", 1L)));
        assertThat(other.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(new JsonMessage(Map.of("a", 1L)));
    }
}
