package dev.summonersim.bench;

import dev.summonersim.bench.fixture.Accounting;
import dev.summonersim.bench.fixture.Arrivals;
import dev.summonersim.bench.fixture.DerivedMetrics;
import dev.summonersim.bench.fixture.EnqueueTimes;
import dev.summonersim.bench.fixture.LoopbackSink;
import dev.summonersim.bench.fixture.SanityCheck;
import dev.summonersim.bench.fixture.SdkSendPath;
import dev.summonersim.bench.fixture.Strategies;
import dev.summonersim.bench.fixture.TokenLatencyRecorder;
import dev.summonersim.bench.fixture.TokenProducer;
import dev.summonersim.sdk.events.StreamEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
 * Question: how much latency does each strategy add per token, from the moment the token is queued to the moment
 * its line is read from the socket?
 *
 * <p>Same real send path as {@link EmissionRateBenchmark}. Tokens arrive as a Poisson process (random phase
 * against the polling tick) at 200/s, or at a quarter of 1/interval for slower polling so the queue does not build up
 * and the figure stays the strategy's own delay, not queueing. Latencies of the measurement iterations go into an
 * HdrHistogram; p50/p99/max are written to the side channel (JMH has no score for them). The aux counter
 * {@code events} is the delivered token rate, a sanity check against the arrival rate.
 *
 * <p>How to run: {@code bin/bench --include TokenLatency}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 5)
public class TokenLatencyBenchmark {

    private static final double MAX_ARRIVALS_PER_SECOND = 200;
    /** Share of the polling ceiling used for arrivals: below 1 so one poll usually finds at most one token. */
    private static final double POLLING_LOAD = 0.25;

    @Param({"polling:0", "polling:1", "polling:2", "polling:5", "polling:10", "polling:20", "polling:50",
        "polling:100", "timeout:500", "blocking"})
    public String strategy;

    private double arrivalsPerSecond;
    private EnqueueTimes enqueued;
    private TokenLatencyRecorder latency;
    private LoopbackSink sink;
    private BlockingQueue<StreamEvent> queue;
    private SdkSendPath sendPath;
    private TokenProducer producer;
    private final Histogram measured = new Histogram(3);
    private boolean measuring;

    @Setup(Level.Trial)
    public void start() throws IOException {
        StrategySpec spec = StrategySpec.parse(strategy);
        arrivalsPerSecond = Math.min(MAX_ARRIVALS_PER_SECOND, POLLING_LOAD * spec.ceilingPerSecond());
        enqueued = new EnqueueTimes();
        latency = new TokenLatencyRecorder(enqueued);
        sink = LoopbackSink.start(latency);
        queue = new LinkedBlockingQueue<>();
        sendPath = SdkSendPath.start("bench-latency", Strategies.create(spec), queue, sink.port());
        producer = TokenProducer.start(queue, Arrivals.poisson(arrivalsPerSecond, 42), enqueued);
    }

    @Setup(Level.Iteration)
    public void beginIteration(IterationParams iteration) {
        latency.takeInterval(); // drop what arrived between iterations
        measuring = iteration.getType() == IterationType.MEASUREMENT;
    }

    @Benchmark
    public long deliveredTokens(DeliveredEvents delivered) {
        return delivered.awaitNext(sink);
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        Histogram h = latency.takeInterval();
        if (measuring) {
            measured.add(h);
        }
    }

    @TearDown(Level.Trial)
    public void stopAndReport(BenchmarkParams params) throws IOException {
        try {
            producer.close();
            long produced = producer.produced();
            long missing = Accounting.unaccounted(produced, sink, queue, Duration.ofSeconds(2));
            SanityCheck.require(sink.failure() == null, "receiving socket failed: " + sink.failure());
            SanityCheck.require(producer.failure() == null, "producer failed: " + producer.failure());
            SanityCheck.require(measured.getTotalCount() > 0, "no latency was measured");
            SanityCheck.require(latency.unreadable() == 0, latency.unreadable() + " unreadable lines");
            SanityCheck.require(latency.outOfOrder() == 0, latency.outOfOrder() + " tokens out of order");
            SanityCheck.require(missing == 0, missing + " of " + produced
                    + " tokens neither queued nor delivered (negative: delivered twice)");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("producer_rate", arrivalsPerSecond);
            m.put("count", measured.getTotalCount());
            m.put("p50_us", measured.getValueAtPercentile(50) / 1000.0);
            m.put("p99_us", measured.getValueAtPercentile(99) / 1000.0);
            m.put("max_us", measured.getMaxValue() / 1000.0);
            m.put("mean_us", measured.getMean() / 1000.0);
            DerivedMetrics.append(params, m);
        } finally {
            sendPath.close();
            sink.close();
        }
    }
}
