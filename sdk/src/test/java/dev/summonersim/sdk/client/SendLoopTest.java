package dev.summonersim.sdk.client;

import dev.summonersim.sdk.protocol.EnvelopeCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import static dev.summonersim.sdk.client.TestClients.WAIT;
import static dev.summonersim.sdk.client.TestClients.eventually;
import static dev.summonersim.sdk.client.TestClients.fastRetries;
import static dev.summonersim.sdk.client.TestClients.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class SendLoopTest {
    private FakeRelay relay;
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

    private ClientHandle start(SummonerClient.Builder builder) {
        ClientHandle handle = builder.config(fastRetries(null, null, null)).port(relay.port()).build().start();
        handles.add(handle);
        return handle;
    }

    private static String wire(Object payload) {
        String line = EnvelopeCodec.encode(payload);
        return line.substring(0, line.length() - 1);
    }

    @Test
    void writesEveryPayloadAsOneLineInCallOrder() throws Exception {
        BlockingQueue<Object> outbox = new LinkedBlockingQueue<>();
        for (long i = 0; i < 200; i++) {
            outbox.add(Map.of("n", i));
        }
        start(SummonerClient.builder(uniqueName("send-order")).onSend(outbox::take));
        FakeRelay.Peer peer = relay.awaitPeer(WAIT);

        for (long i = 0; i < 200; i++) {
            assertThat(peer.nextLine(WAIT)).isEqualTo(wire(Map.of("n", i)));
        }
    }

    @Test
    void nullResultWritesNothing() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        start(SummonerClient.builder(uniqueName("send-null")).onSend(() -> {
            int n = calls.incrementAndGet();
            Thread.sleep(5); // the handler paces itself, as StreamAgent's sleep(0.01)
            return n % 3 == 0 ? "third " + n : null;
        }));
        FakeRelay.Peer peer = relay.awaitPeer(WAIT);

        assertThat(peer.nextLine(WAIT)).isEqualTo(wire("third 3"));
        assertThat(peer.nextLine(WAIT)).isEqualTo(wire("third 6"));
        assertThat(peer.nextLine(WAIT)).isEqualTo(wire("third 9"));
    }

    @Test
    void sleepingHandlerIsCalledBackToBackWithOneCallInFlight() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        start(SummonerClient.builder(uniqueName("send-pace")).onSend(() -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(50);
                calls.incrementAndGet();
                return null;
            } finally {
                inFlight.decrementAndGet();
            }
        }));
        relay.awaitPeer(WAIT);
        eventually().until(() -> calls.get() >= 1);
        long start = System.nanoTime();
        int before = calls.get();

        eventually().until(() -> calls.get() >= before + 10);

        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        // 10 calls of 50 ms each take at least ~450 ms; the next round does not add a fixed sleep of its own,
        // so 10 calls finish well within 10 s even on a loaded machine.
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(450);
        assertThat(maxInFlight.get()).isEqualTo(1);
    }

    @Test
    void failingHandlerIsLoggedAndCalledAgain() throws Exception {
        String name = uniqueName("send-fail");
        AtomicInteger calls = new AtomicInteger();
        AtomicLongArray calledAt = new AtomicLongArray(8);
        try (RecordingLog log = new RecordingLog(name)) {
            start(SummonerClient.builder(name).onSend(() -> {
                int n = calls.incrementAndGet();
                calledAt.set(Math.min(n, 7), System.nanoTime());
                if (n <= 2) {
                    throw new IllegalStateException("boom " + n);
                }
                if (n == 3) {
                    throw new InterruptedException("leaked interrupt");
                }
                if (n == 4) {
                    throw new CancellationException("leaked cancellation");
                }
                return n <= 6 ? "ok " + n : new LinkedBlockingQueue<>().take();
            }));
            FakeRelay.Peer peer = relay.awaitPeer(WAIT);

            assertThat(peer.nextLine(WAIT)).isEqualTo(wire("ok 5"));
            assertThat(peer.nextLine(WAIT)).isEqualTo(wire("ok 6"));
            assertThat(log.awaitLine("Send handler #1 failed (1 in a row)")).startsWith("ERROR");
            assertThat(log.count("Send handler #1 failed (4 in a row)")).isEqualTo(1);
            assertThat(log.count("reached max_worker_errors (3)")).isEqualTo(2);
            // after the 3rd failure in a row the handler is paused (at least 100 ms), before that it is not
            assertThat((calledAt.get(4) - calledAt.get(3)) / 1_000_000).isGreaterThanOrEqualTo(90);
            assertThat((calledAt.get(5) - calledAt.get(4)) / 1_000_000).isGreaterThanOrEqualTo(90);
        }
    }

    @Test
    void severalHandlersAreEachCalledWithOneCallInFlight() throws Exception {
        AtomicInteger aInFlight = new AtomicInteger();
        AtomicInteger aMax = new AtomicInteger();
        AtomicInteger a = new AtomicInteger();
        AtomicInteger b = new AtomicInteger();
        start(SummonerClient.builder(uniqueName("send-two"))
                .onSend(() -> {
                    aMax.accumulateAndGet(aInFlight.incrementAndGet(), Math::max);
                    Thread.sleep(2);
                    aInFlight.decrementAndGet();
                    return a.incrementAndGet() <= 3 ? "a" + a.get() : null;
                })
                .onSend(() -> {
                    Thread.sleep(20);
                    return b.incrementAndGet() <= 3 ? "b" + b.get() : null;
                }));
        FakeRelay.Peer peer = relay.awaitPeer(WAIT);

        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lines.add(peer.nextLine(WAIT));
        }
        assertThat(lines).containsExactlyInAnyOrder(wire("a1"), wire("a2"), wire("a3"), wire("b1"), wire("b2"),
                wire("b3"));
        assertThat(lines.indexOf(wire("a1"))).isLessThan(lines.indexOf(wire("a2")));
        assertThat(lines.indexOf(wire("b2"))).isLessThan(lines.indexOf(wire("b3")));
        assertThat(aMax.get()).isEqualTo(1);
        // rounds: the fast handler waits for the slow one, so their call counts stay within one of each other
        eventually().until(() -> b.get() >= 10);
        assertThat(Math.abs(a.get() - b.get())).isLessThanOrEqualTo(1);
    }

    @Test
    void withoutSendHandlersTheClientStillReceives() throws Exception {
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        start(SummonerClient.builder(uniqueName("send-none")).onReceive(received::put));
        FakeRelay.Peer peer = relay.awaitPeer(WAIT);

        peer.send("Warning: hello\n");

        assertThat(received.poll(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
                .hasToString("TextMessage[text=Warning: hello]");
        assertThat(peer.pollLine(Duration.ofMillis(100))).isNull();
    }
}
