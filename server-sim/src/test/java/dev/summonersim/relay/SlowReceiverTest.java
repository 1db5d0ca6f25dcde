package dev.summonersim.relay;

import dev.summonersim.sdk.protocol.RelayFlavour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.summonersim.relay.LineClient.WAIT;
import static dev.summonersim.relay.RelayConformanceTest.awaitClients;
import static dev.summonersim.relay.RelayConformanceTest.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slow is not dead (issue 13 §2): the backpressure rule of the server-sim README, table "Slow receivers", on real
 * backlogs. Every stalled client sets a 4 KiB receive buffer before connecting, so that the kernel does not swallow
 * the backlog; targets are volumes (lines and bytes queued, lines delivered), waits are bounded by Awaitility, and
 * every action the rule takes is checked to have fired through {@link RelayServer#stats()} and the log.
 */
@Timeout(180)
class SlowReceiverTest {
    private static final RelayFlavour RUST = RelayFlavour.RUST;
    private static final String PAD = "p".repeat(180);
    private static final Duration FILL = Duration.ofSeconds(60);
    /** Longer than the 1 s after which the old rule dropped a receiver over disconnect_threshold at the next line. */
    private static final Duration PAST_OLD_WINDOW = Duration.ofSeconds(2);

    /** The shipped configs/server_config.json (thresholds 50/150/300, default stall window), rate limit off. */
    private static RelayServerConfig shippedConfig() {
        return RelayServerConfig.load(Path.of("../configs/server_config.json")).toBuilder()
                .port(0).rust(r -> r.rateLimitPerWindow(null)).build();
    }

    @Test
    void aClientThatReadsNothingWhileAThousandLinesAreQueuedThenResumesGetsEveryLineInOrder() throws Exception {
        try (LogCapture logs = LogCapture.pipeline();
             RelayServer relay = RelayServer.start(shippedConfig());
             LineClient sender = LineClient.connect(relay.port());
             LineClient healthy = LineClient.connect(relay.port());
             Socket paused = LineClient.connectNonReading(relay.port(), 4096)) {
            awaitClients(relay, 3);
            String pausedAddress = address(paused);
            Numbered lines = new Numbered(sender);
            Tally atHealthy = new Tally();
            fillUntil(lines, healthy, atHealthy, () -> {
                ReceiverStats queued = receiver(relay, pausedAddress);
                return queued.backlogLines() >= 1000 && queued.backlogBytes() >= 200_000;
            });
            await("the paused client has read nothing for a while").atMost(WAIT)
                    .until(() -> receiver(relay, pausedAddress).stalledFor().compareTo(PAST_OLD_WINDOW) >= 0);
            lines.send(1);
            atHealthy.takeUntil(healthy, () -> atHealthy.count(sender.address()) == lines.sent());

            BufferedReader in = reader(paused);
            for (int i = 0; i < lines.sent(); i++) {
                assertThat(in.readLine() + "\n").as("line %d, in order", i).isEqualTo(lines.frame(i));
            }
            await("caught up").atMost(WAIT).until(() -> !receiver(relay, pausedAddress).lagging());
            lines.send(1);
            assertThat(in.readLine() + "\n").as("still connected").isEqualTo(lines.frame(lines.sent() - 1));

            RelayStats stats = relay.stats();
            assertThat(stats.stallDrops()).isZero();
            assertThat(stats.overflowDrops()).isZero();
            assertThat(stats.flowControlled()).as("flow control fired (1,000 lines over its threshold of 150)")
                    .isPositive();
            assertThat(receiver(relay, pausedAddress).readPauses()).as("its own reads were paused").isPositive();
            assertThat(logs.linesContaining(pausedAddress + " is falling behind")).as("one line per state change")
                    .hasSize((int) (stats.throttled() + stats.flowControlled())).hasSizeLessThan(10);
            assertThat(logs.linesContaining(pausedAddress + " caught up")).hasSize((int) stats.caughtUp());
            assertThat(logs.linesContaining("Dropping")).isEmpty();
        }
    }

    @Test
    void aReceiverThatNeverReadsAgainIsDroppedWithItsNoticeAndNobodyElseLosesAnything() throws Exception {
        RelayServerConfig config = RelayServerConfig.builder().rust(r -> r.rateLimitPerWindow(null)
                .backpressure(new BackpressureThresholds(true, 20, true, 50, true, 100))
                .throttleDelay(Duration.ofMillis(50)).flowControlDelay(Duration.ofMillis(100))
                .disconnectStall(Duration.ofMillis(500)).quarantineCooldown(Duration.ofMinutes(10))).build();
        // the grace also bounds the wait for our notice
        RelayRunOptions run = RelayRunOptions.builder().shutdownGrace(Duration.ofSeconds(30)).build();
        try (LogCapture logs = LogCapture.pipeline();
             RelayServer relay = RelayServer.start(config, run);
             LineClient sender = LineClient.connect(relay.port());
             LineClient healthy = LineClient.connect(relay.port());
             Socket dead = LineClient.connectNonReading(relay.port(), 4096)) {
            awaitClients(relay, 3);
            String deadAddress = address(dead);
            Numbered lines = new Numbered(sender);
            Tally atHealthy = new Tally();
            // over the threshold with a socket that takes nothing more (the kernel's send buffer can still grow first)
            fillUntil(lines, healthy, atHealthy, () -> {
                ReceiverStats queued = receiver(relay, deadAddress);
                return queued.backlogLines() >= 150 && queued.stalledFor().toMillis() >= 100;
            });

            // no further line is needed: the receiver is checked again when its stall window ends
            await("the dead receiver is dropped").atMost(WAIT).until(() -> relay.connectedClients() == 2);
            assertThat(relay.stats().stallDrops()).isEqualTo(1);
            lines.send(1000);
            atHealthy.takeUntil(healthy, () -> atHealthy.count(sender.address()) == lines.sent());

            try (LineClient late = LineClient.connect(relay.port())) {
                awaitClients(relay, 3);
                lines.send(1);
                assertThat(late.next()).as("loopback is never quarantined").isEqualTo(lines.frame(lines.sent() - 1));
            }
            assertThat(drainUntilEof(dead)).as("the dead receiver gets its own notice before the close")
                    .endsWith(ServerNotices.TOO_SLOW);
            assertThat(logs.linesContaining("Dropping slow receiver " + deadAddress)).singleElement().asString()
                    .contains("no write progress").contains("not quarantined (loopback)");
            assertThat(relay.stats().overflowDrops()).isZero();
        }
    }

    /**
     * The probe of issue 13: a client sending a burst of 3,000 lines while not reading its own incoming lines was
     * dropped mid-burst. Here it lags past the disconnect threshold and past the old 1 s window while it sends; its
     * reads are paused, yet every one of its lines is relayed, and it then gets everything it missed.
     */
    @Test
    void aBurstSenderThatDoesNotReadMeanwhileIsNeitherCutOffNorDropped() throws Exception {
        try (RelayServer relay = RelayServer.start(shippedConfig());
             LineClient chatter = LineClient.connect(relay.port());
             LineClient healthy = LineClient.connect(relay.port());
             Socket burster = LineClient.connectNonReading(relay.port(), 4096)) {
            awaitClients(relay, 3);
            String bursterAddress = address(burster);
            Numbered chat = new Numbered(chatter);
            Tally atHealthy = new Tally();
            fillUntil(chat, healthy, atHealthy, () -> receiver(relay, bursterAddress).backlogLines() >= 400);

            int burst = 3000;
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> writeBurst(burster, burst));
            // the chatter keeps adding to the burster's backlog while it sends, so its reads keep being paused
            await("every line of the burst relayed").atMost(FILL).pollInterval(Duration.ofMillis(20)).until(() -> {
                chat.send(10);
                atHealthy.takeUntil(healthy, () -> atHealthy.count(chatter.address()) == chat.sent());
                return atHealthy.count(bursterAddress) == burst;
            });
            sending.get();
            // The kernel's send buffer towards the burster grows on loopback and can swallow the whole backlog; a
            // stall needs lines left waiting in the relay, so top the backlog up whenever it has drained.
            await("the burster has read nothing for a while").atMost(FILL).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (receiver(relay, bursterAddress).backlogLines() == 0) {
                            chat.send(100);
                            atHealthy.takeUntil(healthy, () -> atHealthy.count(chatter.address()) == chat.sent());
                        }
                        return receiver(relay, bursterAddress).stalledFor().compareTo(PAST_OLD_WINDOW) >= 0;
                    });
            chat.send(1);

            BufferedReader in = reader(burster);
            for (int i = 0; i < chat.sent(); i++) {
                assertThat(in.readLine() + "\n").as("line %d, in order", i).isEqualTo(chat.frame(i));
            }
            assertThat(relay.connectedClients()).isEqualTo(3);
            assertThat(relay.stats().stallDrops()).isZero();
            assertThat(receiver(relay, bursterAddress).readPauses()).as("its reads were paused").isPositive();
        }
    }

    /** Sends steps of 100 numbered lines, each after the healthy client got the previous step, until {@code done}. */
    private static void fillUntil(Numbered lines, LineClient healthy, Tally atHealthy, BooleanSupplier done) {
        await("backlog built").atMost(FILL).pollInterval(Duration.ofMillis(10)).until(() -> {
            lines.send(100);
            atHealthy.takeUntil(healthy, () -> atHealthy.count(lines.sender.address()) == lines.sent());
            return done.getAsBoolean();
        });
    }

    private static void writeBurst(Socket socket, int count) {
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < count; i++) {
            burst.append(i).append(' ').append(PAD).append('\n');
        }
        try {
            OutputStream out = socket.getOutputStream();
            out.write(burst.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("the relay cut the burst off", e);
        }
    }

    static ReceiverStats receiver(RelayServer relay, String address) {
        return relay.receivers().stream().filter(r -> r.address().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError(address + " is not registered"));
    }

    private static String address(Socket socket) {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        socket.setSoTimeout((int) WAIT.toMillis());
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    static String drainUntilEof(Socket socket) throws IOException {
        StringBuilder tail = new StringBuilder();
        byte[] buf = new byte[64 * 1024];
        InputStream in = socket.getInputStream();
        socket.setSoTimeout((int) WAIT.toMillis());
        int n;
        while ((n = in.read(buf)) >= 0) {
            tail.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            if (tail.length() > 4096) {
                tail.delete(0, tail.length() - 4096);
            }
        }
        return tail.toString();
    }

    /** Numbered lines {@code "<n> <pad>"} from one client. */
    private static final class Numbered {
        private final LineClient sender;
        private int sent;

        Numbered(LineClient sender) {
            this.sender = sender;
        }

        void send(int count) throws IOException {
            StringBuilder step = new StringBuilder();
            for (int i = 0; i < count; i++) {
                step.append(sent + i).append(' ').append(PAD).append('\n');
            }
            sender.send(step.toString());
            sent += count;
        }

        int sent() {
            return sent;
        }

        String frame(int n) {
            return RelayConformanceTest.frame(RUST, sender, n + " " + PAD);
        }
    }

    /** What one receiver got, per sender: each sender's numbers must arrive 0, 1, 2, ... without gap or repeat. */
    private static final class Tally {
        private static final Pattern FRAME =
                Pattern.compile("\\{\"content\":\"(\\d+) p+\",\"remote_addr\":\"([^\"]+)\"}\n");
        private final Map<String, Integer> next = new HashMap<>();

        void takeUntil(LineClient receiver, BooleanSupplier done) throws InterruptedException {
            while (!done.getAsBoolean()) {
                String chunk = receiver.next();
                Matcher m = FRAME.matcher(chunk);
                assertThat(m.matches()).as("a numbered frame: %s", chunk).isTrue();
                int seq = Integer.parseInt(m.group(1));
                String from = m.group(2);
                assertThat(seq).as("from %s: no loss, no duplicate, in order", from)
                        .isEqualTo(next.getOrDefault(from, 0));
                next.put(from, seq + 1);
            }
        }

        int count(String sender) {
            return next.getOrDefault(sender, 0);
        }
    }
}
