package dev.summonersim.relay.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.summonersim.relay.RelayServer;
import dev.summonersim.relay.RelayServerConfig;
import dev.summonersim.sdk.protocol.RelayFlavour;
import dev.summonersim.sdk.protocol.RelayFrameCodec;
import io.netty.buffer.PoolArenaMetric;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocatorMetric;
import io.netty.util.ResourceLeakDetector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Seeded property-based fuzz of the relay's inbound path (issue 13 §5). Per try and flavour: several senders write
 * hostile lines ({@link HostileLines}: random bytes, invalid and overlong UTF-8, lone CRs, NUL, deep JSON nesting,
 * lines at and around the content and frame caps, unterminated runs past the cap), reconnecting whenever the relay
 * closes them; churn threads connect and disconnect, half of them resetting in the middle of a line; meanwhile a
 * healthy sender/receiver pair exchanges numbered lines. Checked: the relay lives, the healthy receiver gets every
 * numbered line once and in order, no unexpected error or buffer leak is logged, the pooled allocator's active
 * allocations return to their baseline once the relay is closed, and its used direct memory stays under
 * {@link #DIRECT_MEMORY_BOUND} throughout.
 *
 * <p>Volume: {@code -Dfuzz.lines} hostile lines and {@code -Dfuzz.cycles} connect/disconnect cycles per try and
 * flavour. The defaults are sized for {@code mvn verify} on the shared 2-core machine (2 tries x 2 flavours x 5,000 =
 * 20,000 lines and 2,000 cycles); {@code bin/soak} runs the full volume. jqwik prints the seed of a failing try;
 * every assertion and report line names it too.
 */
class RelayInboundFuzzTest {
    /** Used direct memory of the pooled allocator never exceeds this during a run. */
    static final long DIRECT_MEMORY_BOUND = 96L * 1024 * 1024;
    private static final int HOSTILE_SENDERS = 4;
    private static final int CHURNERS = 2;
    private static final int CAP = RelayServerConfig.DEFAULT_MAX_LINE_BYTES;
    private static final Duration BOUND = Duration.ofSeconds(120);

    private final long linesPerRun = Long.getLong("fuzz.lines", 5_000);
    private final long cyclesPerRun = Long.getLong("fuzz.cycles", 500);

    @Property(tries = 2, shrinking = ShrinkingMode.OFF)
    void hostileInboundTrafficNeverHurtsTheRelayOrAHealthyPair(@ForAll long seed) throws Exception {
        for (RelayFlavour flavour : RelayFlavour.values()) {
            run(seed, flavour);
        }
    }

    private void run(long seed, RelayFlavour flavour) throws Exception {
        // paranoid leak tracking (the module's default) records a stack trace per buffer touch, far too heavy for
        // this volume; leaks are caught here by the allocator's active allocations returning to the baseline
        ResourceLeakDetector.Level leakLevel = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
        try {
            runAtSimpleLeakLevel(seed, flavour);
        } finally {
            ResourceLeakDetector.setLevel(leakLevel);
        }
    }

    private void runAtSimpleLeakLevel(long seed, RelayFlavour flavour) throws Exception {
        String label = "seed " + seed + ", " + flavour;
        long activeBefore = activeAllocations();
        ErrorCapture errors = new ErrorCapture();
        RelayServerConfig config = RelayServerConfig.forTesting().toBuilder().flavour(flavour)
                .workerThreads(2).build();  // shipped-style thresholds; the stall window is 60 s
        DirectMemorySampler memory = new DirectMemorySampler();
        ExecutorService pool = Executors.newCachedThreadPool();
        long started = System.nanoTime();
        RunCounts counts = new RunCounts();
        try (RelayServer relay = RelayServer.start(config)) {
            relay.awaitReady(Duration.ofSeconds(10));
            HealthyPair pair = new HealthyPair(relay.port(), flavour);
            await(label + ": healthy pair registered").atMost(BOUND).until(() -> relay.connectedClients() == 2);
            pool.submit(pair::sendUntilStopped);
            pool.submit(pair::receive);
            pool.submit(memory);

            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < HOSTILE_SENDERS; i++) {
                HostileLines lines = new HostileLines(seed * 31 + i, CAP);
                long quota = linesPerRun / HOSTILE_SENDERS;
                work.add(pool.submit(() -> sendHostile(relay.port(), flavour, lines, quota, counts)));
            }
            for (int i = 0; i < CHURNERS; i++) {
                Random random = new Random(seed * 131 + i);
                long quota = cyclesPerRun / CHURNERS;
                work.add(pool.submit(() -> churn(relay.port(), random, quota, counts)));
            }
            for (Future<?> f : work) {
                f.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            }
            long sent = pair.stop();
            await(label + ": every numbered line delivered").atMost(BOUND)
                    .until(() -> pair.received() >= sent || pair.failure() != null);
            assertThat(pair.failure()).as(label).isNull();
            assertThat(pair.received()).as("%s: healthy pair, no loss and no duplicate", label).isEqualTo(sent);
            await(label + ": churn gone").atMost(BOUND).until(() -> relay.connectedClients() == 2);
            assertThat(relay.isRunning()).as(label).isTrue();
            pair.close();
            memory.stop();
            counts.report(label, sent, relay.stats(), memory.max(), activeBefore,
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            memory.stop();
            pool.shutdownNow();
            errors.close();
        }
        assertThat(errors.events()).as("%s: no unexpected error and no buffer leak logged", label).isEmpty();
        assertThat(memory.max()).as("%s: used direct memory of the pooled allocator", label)
                .isLessThan(DIRECT_MEMORY_BOUND);
        // the event loops' thread caches are given back when their threads end
        await(label + ": pooled allocations back to the baseline").atMost(Duration.ofSeconds(30))
                .until(() -> activeAllocations() == activeBefore);
        System.out.printf("[fuzz] %s: active pooled allocations %d before, %d after%n", label, activeBefore,
                activeAllocations());
    }

    /**
     * Writes the hostile lines 16 at a time. A line that ends the session (see {@link #endsTheConnection}) ends its
     * batch; then this client half-closes, reads until the relay has closed it, and reconnects, so every line written
     * reaches the relay's inbound path.
     */
    private static void sendHostile(int port, RelayFlavour flavour, HostileLines lines, long quota,
                                    RunCounts counts) {
        long written = 0;
        while (written < quota) {
            try (Socket socket = connect(port)) {
                counts.connections.incrementAndGet();
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream chunk = new ByteArrayOutputStream();
                boolean killing = false;
                while (written < quota && !killing) {
                    chunk.reset();
                    for (int i = 0; i < 16 && written < quota && !killing; i++) {
                        byte[] line = lines.next();
                        chunk.writeBytes(line);
                        written++;
                        killing = endsTheConnection(line, flavour);
                    }
                    out.write(chunk.toByteArray());
                    drain(in);
                }
                if (killing) {
                    socket.shutdownOutput();
                    socket.setSoTimeout((int) BOUND.toMillis());
                    byte[] sink = new byte[64 * 1024];
                    while (in.read(sink) >= 0) {
                        // what was relayed to us before the close
                    }
                    counts.closedByRelay.incrementAndGet();
                }
            } catch (IOException closedByTheRelay) {
                counts.closedByRelay.incrementAndGet();
            }
        }
        counts.addKinds(lines.produced());
    }

    /** Invalid UTF-8 ends the session in both flavours, a line over the cap in the Python flavour. */
    private static boolean endsTheConnection(byte[] line, RelayFlavour flavour) {
        if (flavour == RelayFlavour.PYTHON && line.length - 1 > CAP) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(line));
            return false;
        } catch (java.nio.charset.CharacterCodingException invalid) {
            return true;
        }
    }

    /** Connects and leaves again: politely, after a full line, or with a reset in the middle of a line. */
    private static void churn(int port, Random random, long cycles, RunCounts counts) {
        for (long i = 0; i < cycles; i++) {
            try {
                Socket socket = connect(port);
                int how = random.nextInt(4);
                if (how >= 2) {
                    socket.getOutputStream().write(("half a line " + i).getBytes(StandardCharsets.US_ASCII));
                }
                if (how == 1) {
                    socket.getOutputStream().write(("churn " + i + "\n").getBytes(StandardCharsets.US_ASCII));
                }
                if (how == 3 || how == 0 && random.nextBoolean()) {
                    socket.setSoLinger(true, 0);
                    counts.resets.incrementAndGet();
                }
                socket.close();
                counts.cycles.incrementAndGet();
            } catch (IOException e) {
                counts.cycleErrors.incrementAndGet();
            }
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        return socket;
    }

    /** Hostile senders receive everything the others send; they throw it away without blocking. */
    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[64 * 1024];
        int available;
        while ((available = in.available()) > 0) {
            if (in.read(sink, 0, Math.min(available, sink.length)) < 0) {
                return;
            }
        }
    }

    private static long activeAllocations() {
        PooledByteBufAllocatorMetric metric = PooledByteBufAllocator.DEFAULT.metric();
        long active = 0;
        for (PoolArenaMetric arena : metric.directArenas()) {
            active += arena.numActiveAllocations();
        }
        for (PoolArenaMetric arena : metric.heapArenas()) {
            active += arena.numActiveAllocations();
        }
        return active;
    }

    /** A sender of numbered lines {@code h0, h1, ...} and a receiver that checks each of them arrives once, in order. */
    private static final class HealthyPair {
        private final RelayFlavour flavour;
        private final Socket sender;
        private final Socket receiver;
        private final String senderAddress;
        private final AtomicBoolean sending = new AtomicBoolean(true);
        private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong received = new AtomicLong();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

        HealthyPair(int port, RelayFlavour flavour) throws IOException {
            this.flavour = flavour;
            this.sender = connect(port);
            this.receiver = connect(port);
            this.senderAddress = "127.0.0.1:" + sender.getLocalPort();
        }

        void sendUntilStopped() {
            try {
                OutputStream out = sender.getOutputStream();
                InputStream in = sender.getInputStream();
                StringBuilder batch = new StringBuilder();
                while (sending.get()) {
                    batch.setLength(0);
                    long first = sent.get();
                    for (int i = 0; i < 20; i++) {
                        batch.append('h').append(first + i).append('\n');
                    }
                    out.write(batch.toString().getBytes(StandardCharsets.US_ASCII));
                    sent.addAndGet(20);
                    drain(in);
                    Thread.sleep(5);  // pacing: a few thousand numbered lines a second, not a flood of its own
                }
                stopped.countDown();
                // the receiver also gets what the hostile senders send; keep draining until it is done
                while (!sender.isClosed()) {
                    drain(in);
                    Thread.sleep(5);
                }
            } catch (IOException | InterruptedException e) {
                if (!sender.isClosed()) {
                    failures.add("healthy sender failed: " + e);
                }
            } finally {
                stopped.countDown();
            }
        }

        void receive() {
            byte[] marker = (flavour == RelayFlavour.RUST ? "\"remote_addr\":\"" + senderAddress + "\"}"
                    : "{\"remote_addr\": \"" + senderAddress + "\", ").getBytes(StandardCharsets.US_ASCII);
            try (InputStream in = receiver.getInputStream()) {
                byte[] buf = new byte[256 * 1024];
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                int n;
                while ((n = in.read(buf)) >= 0) {
                    int start = 0;
                    for (int i = 0; i < n; i++) {
                        if (buf[i] != '\n') {
                            continue;
                        }
                        line.write(buf, start, i - start);
                        start = i + 1;
                        if (!check(line.toByteArray(), marker)) {
                            return;
                        }
                        line.reset();
                    }
                    line.write(buf, start, n - start);
                }
            } catch (IOException e) {
                if (!receiver.isClosed()) {
                    failures.add("healthy receiver failed: " + e);
                }
            }
        }

        /** False after a numbered line out of order (recorded as the failure). */
        private boolean check(byte[] bytes, byte[] marker) {
            if (!fromSender(bytes, marker)) {
                return true;
            }
            long n = received.get();
            String expected = RelayFrameCodec.encode(flavour, senderAddress, "h" + n);
            String got = new String(bytes, StandardCharsets.UTF_8) + "\n";
            if (!got.equals(expected)) {
                failures.add("expected " + expected.strip() + " but got " + got.strip());
                return false;
            }
            received.incrementAndGet();
            return true;
        }

        private boolean fromSender(byte[] line, byte[] marker) {
            if (line.length < marker.length) {
                return false;
            }
            int offset = flavour == RelayFlavour.RUST ? line.length - marker.length : 0;
            for (int i = 0; i < marker.length; i++) {
                if (line[offset + i] != marker[i]) {
                    return false;
                }
            }
            return true;
        }

        /** Stops sending; returns how many numbered lines were sent. */
        long stop() throws InterruptedException {
            sending.set(false);
            assertThat(stopped.await(BOUND.toSeconds(), TimeUnit.SECONDS)).as("healthy sender stopped").isTrue();
            return sent.get();
        }

        long received() {
            return received.get();
        }

        String failure() {
            return failures.peek();
        }

        void close() throws IOException {
            sender.close();
            receiver.close();
        }
    }

    /** Samples the pooled allocator's used direct memory and keeps the maximum. */
    private static final class DirectMemorySampler implements Runnable {
        private final AtomicLong max = new AtomicLong();
        private volatile boolean running = true;

        @Override
        public void run() {
            while (running) {
                max.accumulateAndGet(PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() {
            running = false;
        }

        long max() {
            return Math.max(max.get(), PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory());
        }
    }

    /** ERROR events of the relay and of Netty (leak reports) while a run lasts; the relay's own noise is muted. */
    private static final class ErrorCapture implements AutoCloseable {
        private final Logger relay = (Logger) LoggerFactory.getLogger("dev.summonersim.relay");
        private final Logger netty = (Logger) LoggerFactory.getLogger("io.netty");
        private final Level relayLevel = relay.getLevel();
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        ErrorCapture() {
            appender.start();
            relay.setLevel(Level.ERROR);  // thousands of expected warnings (bad lines, disconnects) are not the point
            relay.addAppender(appender);
            netty.addAppender(appender);
        }

        List<String> events() {
            synchronized (appender) {
                return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                        .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
            }
        }

        @Override
        public void close() {
            relay.detachAppender(appender);
            netty.detachAppender(appender);
            relay.setLevel(relayLevel);
            appender.stop();
        }
    }

    /** What one run did, printed so that every run reports its volume. */
    private static final class RunCounts {
        final AtomicLong connections = new AtomicLong();
        final AtomicLong closedByRelay = new AtomicLong();
        final AtomicLong cycles = new AtomicLong();
        final AtomicLong resets = new AtomicLong();
        final AtomicLong cycleErrors = new AtomicLong();
        private final Map<HostileLines.Kind, Long> kinds = new EnumMap<>(HostileLines.Kind.class);

        synchronized void addKinds(Map<HostileLines.Kind, Long> produced) {
            produced.forEach((k, v) -> kinds.merge(k, v, Long::sum));
        }

        synchronized void report(String label, long healthyLines, Object stats, long maxDirect, long activeBefore,
                                 Duration took) {
            long lines = kinds.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("[fuzz] %s: %d hostile lines %s over %d connections (%d closed by the relay); "
                            + "%d connect/disconnect cycles (%d resets, %d refused); healthy pair %d lines in order; "
                            + "max used direct memory %.1f MiB; %s; %d s%n",
                    label, lines, kinds, connections.get(), closedByRelay.get(), cycles.get(), resets.get(),
                    cycleErrors.get(), healthyLines, maxDirect / 1048576.0, stats, took.toSeconds());
        }
    }
}
