package dev.summonersim.relay.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.summonersim.relay.ReceiverStats;
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
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

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
 * flavour. The defaults are the volume for {@code mvn verify} (2 tries x 2 flavours x 25,000 = 100,000 lines
 * and 10,000 cycles; timings in the server-sim README); {@code bin/soak} runs ten times that. Each run must finish
 * within {@code -Dfuzz.runBoundSeconds} (120). jqwik prints the seed of a failing try; every assertion, failure and
 * report line names it too.
 */
class RelayInboundFuzzTest {
    /** Used direct memory of the pooled allocator never exceeds this during a run. */
    static final long DIRECT_MEMORY_BOUND = 96L * 1024 * 1024;
    private static final int HOSTILE_SENDERS = 4;
    private static final int CHURNERS = 2;
    private static final int CAP = RelayServerConfig.DEFAULT_MAX_LINE_BYTES;
    /**
     * Closed connections of one churner that the relay still has registered, at most; see {@link #churn}. Without a
     * bound, a loaded relay fell further and further behind registering and unregistering them while each one was
     * sent every relayed line, until its heap was full (README, "Fuzz and soak").
     */
    static final int CHURN_IN_FLIGHT = 16;
    /** Connections per hostile sender that sent a session-ending line and wait for the relay's close, at most. */
    static final int CLOSES_IN_FLIGHT = 4;
    /** One run (one flavour of one try) finishes within this; every wait in it shares the one deadline. */
    private static final Duration RUN_BOUND = Duration.ofSeconds(Long.getLong("fuzz.runBoundSeconds", 120));

    private final long linesPerRun = Long.getLong("fuzz.lines", 25_000);
    private final long cyclesPerRun = Long.getLong("fuzz.cycles", 2_500);

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
        long directBefore = PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory();
        ErrorCapture errors = new ErrorCapture();
        RelayServerConfig config = RelayServerConfig.forTesting().toBuilder().flavour(flavour)
                .workerThreads(2).build();  // shipped-style thresholds; the stall window is 60 s
        DirectMemorySampler memory = new DirectMemorySampler();
        ExecutorService pool = Executors.newCachedThreadPool(new FuzzThreads());
        Deadline deadline = new Deadline(label, RUN_BOUND);
        long started = System.nanoTime();
        RunCounts counts = new RunCounts();
        try (RelayServer relay = RelayServer.start(config)) {
            relay.awaitReady(Duration.ofSeconds(10));
            HealthyPair pair = new HealthyPair(relay.port(), flavour);
            Supplier<String> outstanding = () -> outstanding(relay, pair, counts, linesPerRun, cyclesPerRun);
            deadline.await("healthy pair registered", () -> relay.connectedClients() == 2, outstanding);
            pool.submit(pair::sendUntilStopped);
            pool.submit(pair::receive);
            pool.submit(memory);

            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < HOSTILE_SENDERS; i++) {
                HostileLines lines = new HostileLines(seed * 31 + i, CAP);
                long quota = linesPerRun / HOSTILE_SENDERS;
                work.add(pool.submit(() -> {
                    sendHostile(relay.port(), flavour, lines, quota, counts, deadline);
                    return null;
                }));
            }
            Supplier<Set<String>> registered = () -> relay.receivers().stream().map(ReceiverStats::address)
                    .collect(Collectors.toSet());
            for (int i = 0; i < CHURNERS; i++) {
                Random random = new Random(seed * 131 + i);
                long quota = cyclesPerRun / CHURNERS;
                work.add(pool.submit(() -> churn(relay.port(), random, quota, counts, registered, deadline)));
            }
            for (Future<?> f : work) {
                deadline.get(f, "hostile senders and churners done", outstanding);
            }
            if (!pair.stop(deadline.remaining())) {
                throw deadline.missed("healthy sender stopped", outstanding);
            }
            long sent = pair.sent();
            deadline.await("every numbered line delivered", () -> pair.received() >= sent || pair.failure() != null,
                    outstanding);
            assertThat(pair.failure()).as(label).isNull();
            assertThat(pair.received()).as("%s: healthy pair, no loss and no duplicate", label).isEqualTo(sent);
            deadline.await("churn gone", () -> relay.connectedClients() == 2, outstanding);
            assertThat(relay.isRunning()).as(label).isTrue();
            pair.close();
            memory.stop();
            counts.report(label, sent, relay.stats(), memory.max(), activeBefore,
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            memory.stop();
            pool.shutdownNow();  // the relay is closed by now, so a client blocked on its socket is released too
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                System.out.printf("[fuzz] %s: fuzz threads still running 10 s after the relay closed%n", label);
            }
            errors.close();
        }
        assertThat(errors.events()).as("%s: no unexpected error and no buffer leak logged", label).isEmpty();
        assertThat(memory.max()).as("%s: used direct memory of the pooled allocator", label)
                .isLessThan(DIRECT_MEMORY_BOUND);
        // the event loops' thread caches are given back when their threads end
        new Deadline(label, Duration.ofSeconds(30)).await("pooled allocations back to the baseline",
                () -> activeAllocations() == activeBefore,
                () -> "active pooled allocations " + activeAllocations() + ", baseline " + activeBefore);
        System.out.printf("[fuzz] %s: active pooled allocations %d before, %d after; used direct memory %.1f MiB "
                        + "before, %.1f MiB after%n", label, activeBefore, activeAllocations(), directBefore / 1048576.0,
                PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory() / 1048576.0);
    }

    /** What a run that missed its deadline was still doing, for the failure message. */
    private static String outstanding(RelayServer relay, HealthyPair pair, RunCounts counts, long lines, long cycles) {
        StringBuilder s = new StringBuilder();
        s.append("  hostile lines written: ").append(counts.linesWritten.get()).append(" of ").append(lines)
                .append("; connect/disconnect cycles: ").append(counts.cycles.get()).append(" of ").append(cycles)
                .append('\n');
        s.append("  healthy pair: ").append(pair.sent()).append(" sent, ").append(pair.received())
                .append(" received in order").append(pair.failure() == null ? "" : "; " + pair.failure()).append('\n');
        s.append("  relay: running ").append(relay.isRunning()).append(", ").append(relay.connectedClients())
                .append(" clients, ").append(relay.stats()).append('\n');
        relay.receivers().stream().sorted(Comparator.comparingLong(ReceiverStats::backlogLines).reversed()).limit(5)
                .forEach(r -> s.append("  receiver ").append(r).append('\n'));
        Runtime rt = Runtime.getRuntime();
        s.append("  heap used ").append((rt.totalMemory() - rt.freeMemory()) >> 20).append(" MiB of ")
                .append(rt.maxMemory() >> 20).append(" MiB\n");
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith(FuzzThreads.PREFIX) || thread.getName().startsWith("relay-io")) {
                s.append("  thread ").append(thread.getName()).append(' ').append(thread.getState()).append('\n');
                for (int i = 0; i < Math.min(8, stack.length); i++) {
                    s.append("      at ").append(stack[i]).append('\n');
                }
            }
        });
        return s.toString();
    }

    /**
     * Writes the hostile lines 16 at a time while a second thread reads (and throws away) what the relay sends it, so
     * a hostile sender is never also a slow receiver (that is {@code SlowReceiverTest}'s subject). A line that ends
     * the session (see {@link #endsTheConnection}) ends its batch; then this client half-closes and goes on over a new
     * connection while the old one's reader waits for the relay to close it, so every line written reaches the relay's
     * inbound path. At most {@link #CLOSES_IN_FLIGHT} such connections per sender wait at a time.
     */
    private static void sendHostile(int port, RelayFlavour flavour, HostileLines lines, long quota,
                                    RunCounts counts, Deadline deadline) throws InterruptedException {
        Deque<Thread> closing = new ArrayDeque<>();
        long written = 0;
        while (written < quota && !Thread.currentThread().isInterrupted()) {  // interrupted: the run has ended
            deadline.check("a hostile sender wrote " + written + " of " + quota + " lines");
            Socket socket;
            try {
                socket = connect(port);
            } catch (IOException e) {
                throw new IllegalStateException("a hostile sender could not connect (" + written + " of " + quota
                        + " lines written)", e);
            }
            counts.connections.incrementAndGet();
            Thread reader = drainUntilClosed(socket);
            boolean killing = false;
            try {
                OutputStream out = socket.getOutputStream();
                ByteArrayOutputStream chunk = new ByteArrayOutputStream();
                while (written < quota && !killing) {
                    chunk.reset();
                    for (int i = 0; i < 16 && written < quota && !killing; i++) {
                        byte[] line = lines.next();
                        chunk.writeBytes(line);
                        written++;
                        counts.linesWritten.incrementAndGet();
                        killing = endsTheConnection(line, flavour);
                    }
                    out.write(chunk.toByteArray());
                }
            } catch (IOException closedByTheRelay) {
                killing = true;  // its reader sees the close too
            }
            if (killing) {
                halfClose(socket);
                closing.addLast(reader);
                if (closing.size() > CLOSES_IN_FLIGHT) {
                    awaitClosedByRelay(closing.removeFirst(), counts, deadline, written, quota);
                }
            } else {
                closeQuietly(socket);
            }
        }
        while (!closing.isEmpty()) {
            awaitClosedByRelay(closing.removeFirst(), counts, deadline, written, quota);
        }
        counts.addKinds(lines.produced());
    }

    private static void awaitClosedByRelay(Thread reader, RunCounts counts, Deadline deadline, long written,
                                           long quota) throws InterruptedException {
        long waitStart = System.nanoTime();
        reader.join(deadline.remaining().toMillis());
        counts.closeWait(System.nanoTime() - waitStart);
        if (reader.isAlive()) {
            throw new IllegalStateException("the relay did not close a connection after a line that ends the session ("
                    + written + " of " + quota + " lines written)");
        }
        counts.closedByRelay.incrementAndGet();
    }

    /**
     * Reads everything the relay sends on {@code socket} and throws it away; at the relay's close (EOF) it closes the
     * socket and ends. Ends too when the test closes the socket.
     */
    private static Thread drainUntilClosed(Socket socket) {
        Thread reader = new Thread(() -> {
            byte[] sink = new byte[64 * 1024];
            try {
                InputStream in = socket.getInputStream();
                while (in.read(sink) >= 0) {
                    // relayed lines of the other senders
                }
            } catch (IOException closed) {
                // closed by the test, or reset by the relay: nothing more to read
            } finally {
                closeQuietly(socket);
            }
        }, FuzzThreads.PREFIX + "drain");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static void halfClose(Socket socket) {
        try {
            socket.shutdownOutput();
        } catch (IOException alreadyClosed) {
            // the relay was faster
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
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

    /**
     * Connects and leaves again: politely, after a full line, or with a reset in the middle of a line. Closed loop, so
     * that the churn measures how the relay copes with connections coming and going, not how far a loaded relay can
     * fall behind: each connection is closed only once the relay has registered it, and a new one is opened only while
     * fewer than {@link #CHURN_IN_FLIGHT} of this churner's closed connections are still registered.
     */
    private static void churn(int port, Random random, long cycles, RunCounts counts,
                              Supplier<Set<String>> registered, Deadline deadline) {
        Set<String> leaving = new HashSet<>();
        for (long i = 0; i < cycles && !Thread.currentThread().isInterrupted(); i++) {
            while (true) {
                Set<String> now = registered.get();
                leaving.removeIf(address -> !now.contains(address));
                if (leaving.size() < CHURN_IN_FLIGHT) {
                    break;
                }
                deadline.check("a churner waited for the relay to see its connections leave (" + i + " of " + cycles
                        + " cycles done; still registered: " + leaving + ")");
                LockSupport.parkNanos(1_000_000);  // a poll, not a spin: the relay needs these CPUs
            }
            try {
                Socket socket = connect(port);
                String address = "127.0.0.1:" + socket.getLocalPort();
                while (!registered.get().contains(address)) {
                    deadline.check("a churner waited for the relay to register " + address + " (" + i + " of "
                            + cycles + " cycles done)");
                    LockSupport.parkNanos(1_000_000);  // a poll, not a spin: the relay needs these CPUs
                }
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
                leaving.add(address);
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
                drainUntilClosed(sender);  // the receiver also gets what the hostile senders send
                OutputStream out = sender.getOutputStream();
                StringBuilder batch = new StringBuilder();
                while (sending.get()) {
                    batch.setLength(0);
                    long first = sent.get();
                    for (int i = 0; i < 10; i++) {
                        batch.append('h').append(first + i).append('\n');
                    }
                    out.write(batch.toString().getBytes(StandardCharsets.US_ASCII));
                    sent.addAndGet(10);
                    Thread.sleep(5);  // pacing: up to 2,000 numbered lines a second, not a flood of its own
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

        /** Stops sending; false when the sender did not stop within {@code bound}. */
        boolean stop(Duration bound) throws InterruptedException {
            sending.set(false);
            return stopped.await(bound.toNanos(), TimeUnit.NANOSECONDS);
        }

        long sent() {
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

    /** The deadline all waits of one run share; missing it fails with the seed and what was still outstanding. */
    private static final class Deadline {
        private final String label;
        private final Duration bound;
        private final long endNanos;

        Deadline(String label, Duration bound) {
            this.label = label;
            this.bound = bound;
            this.endNanos = System.nanoTime() + bound.toNanos();
        }

        Duration remaining() {
            return Duration.ofNanos(Math.max(1_000_000, endNanos - System.nanoTime()));
        }

        /** For the fuzz's own threads: stops one that is still working when the run's time is up. */
        void check(String progress) {
            if (System.nanoTime() - endNanos > 0) {
                throw new IllegalStateException(label + ": the run's bound of " + bound.toSeconds() + " s passed; "
                        + progress);
            }
        }

        void await(String what, Callable<Boolean> condition, Supplier<String> outstanding) {
            try {
                Awaitility.await(label + ": " + what).atMost(remaining()).until(condition);
            } catch (ConditionTimeoutException e) {
                throw missed(what, outstanding);
            }
        }

        void get(Future<?> task, String what, Supplier<String> outstanding) throws InterruptedException {
            try {
                task.get(remaining().toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw missed(what, outstanding);
            } catch (ExecutionException e) {
                throw new AssertionError(label + ": " + e.getCause().getMessage() + "\n" + outstanding.get(),
                        e.getCause());
            }
        }

        AssertionError missed(String what, Supplier<String> outstanding) {
            return new AssertionError(label + ": not done within the run's bound of " + bound.toSeconds() + " s: "
                    + what + "\n" + outstanding.get());
        }
    }

    /** Names the fuzz's threads, so a failure can show their stacks; daemons, so a stuck one never holds the JVM. */
    private static final class FuzzThreads implements ThreadFactory {
        static final String PREFIX = "fuzz-";
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, PREFIX + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
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
        final AtomicLong linesWritten = new AtomicLong();
        final AtomicLong connections = new AtomicLong();
        final AtomicLong closedByRelay = new AtomicLong();
        final AtomicLong cycles = new AtomicLong();
        final AtomicLong resets = new AtomicLong();
        final AtomicLong cycleErrors = new AtomicLong();
        private final AtomicLong closeWaitNanos = new AtomicLong();
        private final AtomicLong closeWaitMax = new AtomicLong();

        /** How long a hostile sender waited for the relay to close it after a line that ends the session. */
        void closeWait(long nanos) {
            closeWaitNanos.addAndGet(nanos);
            closeWaitMax.accumulateAndGet(nanos, Math::max);
        }
        private final Map<HostileLines.Kind, Long> kinds = new EnumMap<>(HostileLines.Kind.class);

        synchronized void addKinds(Map<HostileLines.Kind, Long> produced) {
            produced.forEach((k, v) -> kinds.merge(k, v, Long::sum));
        }

        synchronized void report(String label, long healthyLines, Object stats, long maxDirect, long activeBefore,
                                 Duration took) {
            long lines = kinds.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("[fuzz] %s: %d hostile lines %s over %d connections (%d closed by the relay); "
                            + "%d connect/disconnect cycles (%d resets, %d refused); healthy pair %d lines in order; "
                            + "max used direct memory %.1f MiB; %s; closes after a session-ending line took %d ms "
                            + "in all, %d ms at most; %d s%n",
                    label, lines, kinds, connections.get(), closedByRelay.get(), cycles.get(), resets.get(),
                    cycleErrors.get(), healthyLines, maxDirect / 1048576.0, stats, closeWaitNanos.get() / 1_000_000,
                    closeWaitMax.get() / 1_000_000, took.toSeconds());
        }
    }
}
