package dev.summonersim.bench;

import dev.summonersim.bench.fixture.DerivedMetrics;
import dev.summonersim.bench.fixture.RelayLoad;
import dev.summonersim.bench.fixture.SanityCheck;
import dev.summonersim.bench.fixture.ThreadCpu;
import dev.summonersim.relay.BackpressureThresholds;
import dev.summonersim.relay.RelayServer;
import dev.summonersim.relay.RelayServerConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Question: how many ~200-byte lines per second does the relay deliver, at what latency and relay CPU per delivered
 * line, for 1->1, 1->10 and 10 chatty peers, and what is the latency of a paced 100 lines/s stream?
 *
 * <p>The relay ({@code RelayServer}, Rust flavour as in configs/server_config.json, rate limit, inactivity timeout
 * and backpressure reactions off, as for the reference measurements) runs in this JVM on loopback. One invocation
 * (SingleShotTime) is one batch: every sender writes its lines, flushed per line, and the invocation ends when every
 * reader has every line. Deliveries/s = deliveries of the batch / (last delivery - first write). Relay CPU is the
 * CPU time of the relay's event-loop threads ({@code relay-io-*}). Loss makes the invocation fail; duplicates,
 * inversions and self-deliveries are counted and reported.
 *
 * <p>How to run: {@code bin/bench --include RelayThroughput}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class RelayThroughputBenchmark {

    private static final int LINE_BYTES = 200;
    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(120);

    @Param({"A_1to1", "B_1to10", "C_10to10", "D_paced100"})
    public String scenario;

    /** Share of the scenario's reference line count (1.0 = 100k lines for A and B, 10k per sender for C). */
    @Param("1.0")
    public double scale;

    private RelayScenario s;
    private int lines;
    private RelayServer relay;
    private RelayLoad load;
    private ThreadCpu relayThreads;
    private boolean measuring;
    private final Histogram measured = new Histogram(3);
    private final List<Double> deliveriesPerSecond = new ArrayList<>();
    private final List<Double> cpuMicrosPerDelivery = new ArrayList<>();

    @Setup(Level.Trial)
    public void start() throws IOException {
        s = RelayScenario.valueOf(scenario);
        lines = s.lines(scale);
        relay = RelayServer.start(RelayServerConfig.forTesting().toBuilder()
                .rust(r -> r.backpressure(BackpressureThresholds.disabled()))
                .maxOutboundQueueBytes(256L * 1024 * 1024)
                .build());
        load = RelayLoad.connect(relay.address(), s.senders, s.receivers, LINE_BYTES);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (relay.connectedClients() < load.connections() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // no event to wait on: registration is internal
        }
        SanityCheck.require(relay.connectedClients() == load.connections(), "relay registered "
                + relay.connectedClients() + " of " + load.connections() + " connections");
        relayThreads = ThreadCpu.ofNamePrefix("relay-io");
    }

    @Setup(Level.Iteration)
    public void beginIteration(IterationParams iteration) {
        load.takeLatency();
        measuring = iteration.getType() == IterationType.MEASUREMENT;
    }

    @Benchmark
    public long deliverBatch() throws InterruptedException, IOException, TimeoutException {
        long cpuBefore = relayThreads.cpuNanos();
        long nanos = load.runBatch(lines, s.perSecond, BATCH_TIMEOUT);
        long cpu = relayThreads.cpuNanos() - cpuBefore;
        if (measuring) {
            long deliveries = load.expectedDeliveries(lines);
            deliveriesPerSecond.add(deliveries * 1e9 / nanos);
            cpuMicrosPerDelivery.add(cpu / 1000.0 / deliveries);
        }
        return nanos;
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        Histogram h = load.takeLatency();
        if (measuring) {
            measured.add(h);
        }
    }

    @TearDown(Level.Trial)
    public void stopAndReport(BenchmarkParams params) {
        try {
            SanityCheck.require(load.failure() == null, "a relay connection failed: " + load.failure());
            SanityCheck.require(!deliveriesPerSecond.isEmpty(), "no measured batch");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lines_per_sender", lines);
            m.put("deliveries_per_batch", load.expectedDeliveries(lines));
            m.put("deliveries_per_s", median(deliveriesPerSecond));
            m.put("relay_cpu_us_per_delivery", median(cpuMicrosPerDelivery));
            m.put("relay_threads", relayThreads.threadCount());
            m.put("p50_us", measured.getValueAtPercentile(50) / 1000.0);
            m.put("p99_us", measured.getValueAtPercentile(99) / 1000.0);
            m.put("max_us", measured.getMaxValue() / 1000.0);
            m.put("lost", 0); // a batch with a missing line fails the invocation instead
            m.put("duplicates", load.duplicates());
            m.put("inversions", load.inversions());
            m.put("self_received", load.selfReceived());
            m.put("other_lines", load.otherLines());
            DerivedMetrics.append(params, m);
            if (load.duplicates() + load.inversions() + load.selfReceived() + load.otherLines() > 0) {
                System.err.printf("RelayThroughputBenchmark %s: INTEGRITY VIOLATED: %d duplicates, %d inversions, "
                        + "%d self-deliveries, %d other lines%n", scenario, load.duplicates(), load.inversions(),
                        load.selfReceived(), load.otherLines());
            }
        } finally {
            load.close();
            relay.close();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
