package dev.summonersim.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.summonersim.relay.BackpressureThresholds;
import dev.summonersim.relay.RelayServer;
import dev.summonersim.relay.RelayServerConfig;
import dev.summonersim.sdk.client.ClientHandle;
import dev.summonersim.sdk.client.SummonerClient;
import dev.summonersim.sdk.protocol.RelayFrameCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A listener the relay drops as a slow receiver, on a real relay with real clients: what it lost is counted as
 * backpressure drops, the streams the disconnect cut are not violations, and after its reconnect it checks streams
 * again. The volume, not the time, makes the drop happen: padded events are sent (each acknowledged by the healthy
 * listener) until the relay names the stalled listener in its drop warning; the loopback socket buffers swallow a
 * few MB first.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SlowListenerAccountingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PAD = "p".repeat(1000);
    private static final int TOKENS = 20;

    private final PromptLedger ledger = new PromptLedger(1);
    private final RunMeters meters = new RunMeters();
    private final BlockingQueue<Object> outbox = new LinkedBlockingQueue<>();
    private int streams;
    private long events;

    @Test
    void whatADroppedListenerLostIsCountedAsBackpressureAndItsCutStreamsAreNotViolations() throws Exception {
        // disconnect only: over 200 queued lines with no write progress for 500 ms
        RelayServerConfig config = RelayServerConfig.builder().port(0)
                .rust(r -> r.rateLimitPerWindow(null).disconnectStall(Duration.ofMillis(500))
                        .backpressure(new BackpressureThresholds(false, 100, false, 150, true, 200)))
                .build();
        List<ClientHandle> clients = new ArrayList<>();
        try (RelayDropLog relayLog = new RelayDropLog(); RelayServer relay = RelayServer.start(config)) {
            ListenerTap slow = new ListenerTap(0, ledger, meters, relayLog, true);
            ListenerTap healthy = new ListenerTap(1, ledger, meters, relayLog, false);
            for (ListenerTap tap : List.of(slow, healthy)) {
                clients.add(SummonerClient.builder(tap.name()).port(relay.port()).onReceive(tap).listener(tap)
                        .build().start());
            }
            ClientHandle agent = SummonerClient.builder("agent-0").port(relay.port()).onSend(outbox::take).build()
                    .start();
            clients.add(agent);
            for (ClientHandle c : clients) {
                assertThat(c.awaitConnected(WAIT)).isTrue();
            }
            await().atMost(WAIT).until(() -> relay.connectedClients() == 3);
            ledger.agentAddress(0, RelayFrameCodec.formatAddress(agent.localAddress()));
            meters.measureFrom(System.nanoTime()); // the slow listener stalls at its next line

            String slowAddress = slow.addresses().get(0);
            while (!relayLog.dropped(slowAddress) && streams < 5_000) {
                stream(healthy);
            }
            assertThat(relayLog.dropped(slowAddress)).as("dropped after %d streams", streams).isTrue();
            // The relay still flushes what it had queued, with its notice, before it closes; what it relays while
            // listener-0 is away (the client waits 3 s before it reconnects) is lost to it.
            await("listener-0 saw the relay close").atMost(WAIT).until(() -> slow.disconnects() == 1);
            long sentBeforeGap = events;
            for (int i = 0; i < 3; i++) {
                stream(healthy);
            }
            long lostInGap = events - sentBeforeGap;
            await("listener-0 reconnected").atMost(WAIT).until(() -> slow.addresses().size() == 2);
            int before = streams;
            for (int i = 0; i < 3; i++) {
                stream(healthy);
            }
            await("listener-0 got the streams sent after its reconnect").atMost(WAIT)
                    .until(() -> closedAtSlow(before));
            slow.closing();
            healthy.closing();

            SlowReceivers result = SimulationRun.slowReceivers(List.of(slow, healthy), relay, relayLog, ledger,
                    "127.0.0.1:0", events, 0, meters);
            assertThat(result.relayDisconnects()).isEqualTo(1);
            assertThat(result.relayStats().stallDrops()).isEqualTo(1);
            assertThat(result.dropped()).singleElement().asString().startsWith("listener-0 [" + slowAddress);
            assertThat(healthy.events()).isEqualTo(events);
            assertThat(result.lostEvents()).isEqualTo(events - slow.events()).isGreaterThanOrEqualTo(lostInGap);
            assertThat(result.lostLines()).isEqualTo(result.lostEvents());
            assertThat(slow.disconnects()).isEqualTo(1);
            assertThat(healthy.disconnects()).isZero();
            assertThat(meters.firstViolations()).isEmpty();
            assertThat(meters.violationCount()).isZero();
        } finally {
            clients.forEach(ClientHandle::close);
        }
    }

    /** The streams from {@code first} on ended at listener-0 too. */
    private boolean closedAtSlow(int first) {
        BitSet slowOnly = new BitSet();
        slowOnly.set(0);
        return ledger.prompts().stream().filter(p -> p.seq >= first).allMatch(p -> p.closedAt(slowOnly));
    }

    /** One stream of padded events as the stub and an agent would make it; returns when the healthy listener has it. */
    private void stream(ListenerTap healthy) throws InterruptedException {
        int seq = streams++;
        String prompt = "prompt " + seq;
        String id = UUID.randomUUID().toString();
        ledger.register(seq, 0, prompt, System.nanoTime());
        send(Map.of("type", "stream_start", "stream_id", id));
        for (int i = 0; i < TOKENS; i++) {
            ledger.tokenWritten(prompt, i, System.nanoTime());
            send(Map.of("type", "token", "stream_id", id, "token", i == 0 ? "tok0" : " tok" + i));
        }
        ledger.streamFinished(prompt, TOKENS, true);
        send(Map.of("type", "stream_end", "stream_id", id));
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).atMost(WAIT)
                .until(() -> healthy.events() == events);
    }

    private void send(Map<String, Object> event) throws InterruptedException {
        Map<String, Object> payload = new LinkedHashMap<>(event);
        payload.put("pad", PAD);
        outbox.put(payload);
        events++;
    }
}
