package dev.summonersim.bench;

import dev.summonersim.bench.fixture.CountingSendStrategy;
import dev.summonersim.bench.fixture.DerivedMetrics;
import dev.summonersim.bench.fixture.IdleCounters;
import dev.summonersim.bench.fixture.LoopbackSink;
import dev.summonersim.bench.fixture.SanityCheck;
import dev.summonersim.bench.fixture.SdkSendPath;
import dev.summonersim.bench.fixture.Strategies;
import dev.summonersim.bench.fixture.ThreadCpu;
import dev.summonersim.sdk.events.StreamEvent;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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

/**
 * Question: what does each strategy cost while no token arrives?
 *
 * <p>The real send path runs over an empty queue. Each benchmark invocation is a 100 ms observation window (the
 * benchmark thread parks; nothing else is measured on it); the auxiliary counters add up the strategy calls that
 * returned nothing ({@code wakeups}) and the CPU time of the client's send threads ({@code cpuNanos}, from
 * {@code ThreadMXBean}) in that window, and JMH reports both per second. Blocking should show 0 wake-ups, timeout
 * 1/timeout, polling 1/interval (polling 0 ms spins).
 *
 * <p>How to run: {@code bin/bench --include IdleCost}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 2, time = 5)
public class IdleCostBenchmark {

    private static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    @Param({"polling:0", "polling:1", "polling:2", "polling:5", "polling:10", "polling:20", "polling:50",
        "polling:100", "timeout:500", "blocking"})
    public String strategy;

    private LoopbackSink sink;
    private BlockingQueue<StreamEvent> queue;
    private SdkSendPath sendPath;
    private CountingSendStrategy counting;
    private ThreadCpu sendThreads;

    @Setup(Level.Trial)
    public void start() throws IOException {
        sink = LoopbackSink.start(null);
        queue = new LinkedBlockingQueue<>();
        String name = "bench-idle-" + Long.toHexString(System.nanoTime());
        sendPath = SdkSendPath.start(name, Strategies.create(StrategySpec.parse(strategy)), queue, sink.port());
        counting = sendPath.strategy();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (counting.caller() == null && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // the send thread exists once it calls us
        }
        SanityCheck.require(counting.caller() != null, "the send loop never called the strategy");
        sendThreads = ThreadCpu.ofNamePrefix(name + "-send");
    }

    @Benchmark
    public long observeIdleWindow(IdleCounters counters) {
        long wakeupsBefore = counting.emptyCalls();
        long cpuBefore = sendThreads.cpuNanos();
        long deadline = System.nanoTime() + WINDOW_NANOS;
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
        }
        long wakeups = counting.emptyCalls() - wakeupsBefore;
        counters.wakeups += wakeups;
        counters.cpuNanos += sendThreads.cpuNanos() - cpuBefore;
        return wakeups;
    }

    @TearDown(Level.Trial)
    public void stopAndCheck(BenchmarkParams params) throws IOException {
        try {
            SanityCheck.require(sink.failure() == null, "receiving socket failed: " + sink.failure());
            SanityCheck.require(sendPath.isRunning(), "the sdk client stopped during the benchmark");
            SanityCheck.require(sink.lines() == 0, "an idle send path wrote " + sink.lines() + " lines");
            SanityCheck.require(counting.eventCalls() == 0,
                    "an idle strategy returned " + counting.eventCalls() + " events");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("send_threads", sendThreads.threadCount());
            m.put("empty_calls_total", counting.emptyCalls());
            DerivedMetrics.append(params, m);
        } finally {
            sendPath.close();
            sink.close();
        }
    }
}
