package dev.summonersim.relay;

import dev.summonersim.sdk.protocol.RelayFlavour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.summonersim.relay.RelayConformanceTest.awaitClients;
import static dev.summonersim.relay.RelayConformanceTest.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Per-sender FIFO under load (Q4) and isolation of slow or dead receivers (Q6, Q9, Q13). */
@Timeout(120)
class IsolationAndOrderingTest {
    private static final Pattern SEQ = Pattern.compile("s(\\d+)-(\\d+)");

    @ParameterizedTest
    @EnumSource(RelayFlavour.class)
    void burstsFromSeveralSendersArriveCompleteAndInOrder(RelayFlavour flavour) throws Exception {
        burstsArriveCompleteAndInOrder(flavour, RelayTransport.best());
    }

    @Test
    void theNioFallbackTransportRelaysTheSame() throws Exception {
        burstsArriveCompleteAndInOrder(RelayFlavour.PYTHON, RelayTransport.NIO);
    }

    private void burstsArriveCompleteAndInOrder(RelayFlavour flavour, RelayTransport transport) throws Exception {
        int senders = 4;
        int lines = 2500;
        RelayServerConfig config = RelayServerConfig.forTesting().toBuilder().flavour(flavour).workerThreads(2)
                .rust(r -> r.backpressure(BackpressureThresholds.disabled())).build();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try (RelayServer relay = RelayServer.start(config, RelayRunOptions.defaults(), transport)) {
            List<LineClient> clients = new ArrayList<>();
            for (int i = 0; i < senders + 2; i++) {
                clients.add(LineClient.connect(relay.port()));
            }
            awaitClients(relay, senders + 2);
            List<Future<?>> sending = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                LineClient sender = clients.get(s);
                int id = s;
                sending.add(pool.submit(() -> {
                    StringBuilder chunk = new StringBuilder();
                    for (int i = 0; i < lines; i++) {
                        chunk.append("s").append(id).append('-').append(i).append(" padding padding padding\n");
                        if (chunk.length() > 8000) {
                            sender.send(chunk.toString());
                            chunk.setLength(0);
                        }
                    }
                    sender.send(chunk.toString());
                    return null;
                }));
            }
            for (Future<?> f : sending) {
                f.get();
            }
            for (int r = 0; r < clients.size(); r++) {
                LineClient receiver = clients.get(r);
                int expected = (r < senders ? senders - 1 : senders) * lines;
                Map<Integer, Integer> next = new HashMap<>();
                for (int n = 0; n < expected; n++) {
                    Matcher m = SEQ.matcher(receiver.next());
                    assertThat(m.find()).isTrue();
                    int sender = Integer.parseInt(m.group(1));
                    int seq = Integer.parseInt(m.group(2));
                    assertThat(sender).as("no self-delivery").isNotEqualTo(r);
                    assertThat(seq).as("receiver %d, sender %d: no loss, no inversion, no duplicate", r, sender)
                            .isEqualTo(next.getOrDefault(sender, 0));
                    next.put(sender, seq + 1);
                }
            }
            for (LineClient c : clients) {
                c.close();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReceiverThatNeverReadsIsDroppedWhileEveryoneElseGetsEverything() throws Exception {
        RelayFlavour flavour = RelayFlavour.RUST;
        RelayServerConfig config = RelayServerConfig.forTesting().toBuilder()
                .rust(r -> r.backpressure(BackpressureThresholds.disabled())).maxOutboundQueueBytes(512 * 1024).build();
        // the grace also bounds the wait for our notice
        RelayRunOptions run = RelayRunOptions.builder().shutdownGrace(Duration.ofSeconds(30)).build();
        try (RelayServer relay = RelayServer.start(config, run);
             LineClient sender = LineClient.connect(relay.port());
             LineClient fast = LineClient.connect(relay.port());
             Socket stalled = LineClient.connectNonReading(relay.port(), 4096)) {
            awaitClients(relay, 3);
            String pad = "p".repeat(180);
            int sent = sendInStepsUntil(sender, fast, flavour, pad, () -> relay.connectedClients() == 2);
            assertThat(sent).as("more than the cap had to be queued for the stalled client").isGreaterThan(2000);
            assertThat(sender.poll(Duration.ZERO)).as("the sender got no warning").isNull();
            assertThat(sender.isEof()).isFalse();
            fast.send("both alive\n");
            assertThat(sender.next()).isEqualTo(frame(flavour, fast, "both alive"));
            assertThat(SlowReceiverTest.drainUntilEof(stalled)).as("the stalled client is closed, with our notice at the end")
                    .endsWith(ServerNotices.TOO_SLOW);
            assertThat(relay.stats().overflowDrops()).as("dropped by the byte cap").isEqualTo(1);
            assertThat(relay.stats().stallDrops()).isZero();
        }
    }

    /**
     * Sends steps of 100 lines, each only after {@code fast} got the previous one complete and in order (so the fast
     * reader is never far behind), until {@code done}; returns the number of lines sent.
     */
    private static int sendInStepsUntil(LineClient sender, LineClient fast, RelayFlavour flavour, String pad,
                                        java.util.concurrent.Callable<Boolean> done) throws Exception {
        int seq = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.call()) {
            assertThat(System.nanoTime()).as("condition reached within 30 s").isLessThan(deadline);
            StringBuilder step = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                step.append(seq + i).append(' ').append(pad).append('\n');
            }
            sender.send(step.toString());
            for (int i = 0; i < 100; i++) {
                assertThat(fast.next()).isEqualTo(frame(flavour, sender, (seq + i) + " " + pad));
            }
            seq += 100;
        }
        return seq;
    }

    @Test
    void throttlePausesOnlyTheLaggingClientAndNeverDelaysOtherReceivers() throws Exception {
        RelayFlavour flavour = RelayFlavour.RUST;
        RelayServerConfig config = RelayServerConfig.forTesting().toBuilder().rust(r -> r
                .backpressure(new BackpressureThresholds(true, 10, false, 20, false, 1000))
                .throttleDelay(Duration.ofMillis(50))).build();
        try (LogCapture logs = LogCapture.pipeline();
             RelayServer relay = RelayServer.start(config);
             LineClient sender = LineClient.connect(relay.port());
             LineClient fast = LineClient.connect(relay.port());
             Socket stalled = LineClient.connectNonReading(relay.port(), 4096)) {
            awaitClients(relay, 3);
            String stalledAddress = "127.0.0.1:" + stalled.getLocalPort();
            String pad = "y".repeat(150);
            int[] sent = {0};
            await("throttle fired").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> {
                StringBuilder chunk = new StringBuilder();
                for (int i = 0; i < 1000; i++) {
                    chunk.append(sent[0] + i).append(' ').append(pad).append('\n');
                }
                sender.send(chunk.toString());
                for (int i = 0; i < 1000; i++) {
                    assertThat(fast.next()).isEqualTo(frame(flavour, sender, (sent[0] + i) + " " + pad));
                }
                sent[0] += 1000;
                return relay.stats().throttled() > 0;
            });
            assertThat(relay.connectedClients()).as("throttling never disconnects").isEqualTo(3);
            RelayStats stats = relay.stats();
            assertThat(SlowReceiverTest.receiver(relay, stalledAddress).readPauses()).isPositive();
            assertThat(SlowReceiverTest.receiver(relay, sender.address()).readPauses())
                    .as("the sender is never paused because another client is slow").isZero();
            assertThat(logs.linesContaining(stalledAddress + " is falling behind"))
                    .as("%d lines relayed, one log line per state change", sent[0])
                    .hasSize((int) (stats.throttled() + stats.flowControlled())).hasSizeLessThan(10);
            String first = new java.io.BufferedReader(new java.io.InputStreamReader(stalled.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8)).readLine() + "\n";
            assertThat(first).as("the throttled client still gets its lines, from the first one")
                    .isEqualTo(frame(flavour, sender, 0 + " " + pad));
        }
    }

    @Test
    void aReceiverResettingDuringABurstNeverDisconnectsTheSender() throws Exception {
        RelayFlavour flavour = RelayFlavour.PYTHON;
        RelayServerConfig config = RelayServerConfig.builder().flavour(flavour).build();
        try (RelayServer relay = RelayServer.start(config);
             LineClient sender = LineClient.connect(relay.port());
             LineClient fast = LineClient.connect(relay.port());
             LineClient dying = LineClient.connect(relay.port())) {
            awaitClients(relay, 3);
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < 5000; i++) {
                chunk.append("n").append(i).append('\n');
            }
            String burst = chunk.toString();
            sender.send(burst);
            dying.reset();
            sender.send(burst);
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 5000; i++) {
                    assertThat(fast.next()).isEqualTo(frame(flavour, sender, "n" + i));
                }
            }
            assertThat(sender.poll(Duration.ZERO)).as("Q6: no disconnect notice for the sender").isNull();
            assertThat(sender.isEof()).isFalse();
        }
    }
}
