package dev.summonersim.bench;

import dev.summonersim.bench.fixture.Accounting;
import dev.summonersim.bench.fixture.Arrivals;
import dev.summonersim.bench.fixture.LoopbackSink;
import dev.summonersim.bench.fixture.SanityCheck;
import dev.summonersim.bench.fixture.SdkSendPath;
import dev.summonersim.bench.fixture.Strategies;
import dev.summonersim.bench.fixture.TokenProducer;
import dev.summonersim.sdk.events.StreamEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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

/**
 * Question: how many events per second does the stream agent's real send path emit, per strategy and polling
 * interval, when a producer queues tokens at a given rate?
 *
 * <p>The path is the unmodified one: a producer thread fills the agent's event queue, a real {@code SummonerClient}
 * calls the agent's {@code EventSendHandler} over the real {@code SendStrategy}, each event becomes one envelope
 * line on a loopback socket, and a drain thread counts the lines. The auxiliary counter {@code events} (events/s
 * read from the socket) is the answer; the primary score only counts how often the benchmark thread looked.
 * The ceiling is min(1/interval, producer rate); the report shows the ratio.
 *
 * <p>How to run: {@code bin/bench --include EmissionRate} (or
 * {@code java -jar benchmarks/target/benchmarks-all.jar --include EmissionRate}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 5)
public class EmissionRateBenchmark {

    @Param({"polling:0", "polling:1", "polling:2", "polling:5", "polling:10", "polling:20", "polling:50",
        "polling:100", "timeout:500", "blocking"})
    public String strategy;

    @Param({"unbounded", "1000", "100"})
    public String rate;

    private LoopbackSink sink;
    private BlockingQueue<StreamEvent> queue;
    private SdkSendPath sendPath;
    private TokenProducer producer;

    @Setup(Level.Trial)
    public void start() throws IOException {
        StrategySpec spec = StrategySpec.parse(strategy);
        ProducerRate producerRate = ProducerRate.parse(rate);
        sink = LoopbackSink.start(null);
        queue = new LinkedBlockingQueue<>(); // as the stream agent's own queue
        sendPath = SdkSendPath.start("bench-emission", Strategies.create(spec), queue, sink.port());
        producer = TokenProducer.start(queue,
                producerRate.isUnbounded() ? Arrivals.unbounded() : Arrivals.fixed(producerRate.perSecond()), null);
    }

    @Benchmark
    public long deliveredEvents(DeliveredEvents delivered) {
        return delivered.awaitNext(sink);
    }

    @TearDown(Level.Trial)
    public void stopAndCheck() throws IOException {
        try {
            producer.close();
            long produced = producer.produced();
            long missing = Accounting.unaccounted(produced, sink, queue, Duration.ofSeconds(2));
            SanityCheck.require(sink.failure() == null, "receiving socket failed: " + sink.failure());
            SanityCheck.require(producer.failure() == null, "producer failed: " + producer.failure());
            SanityCheck.require(sendPath.isRunning(), "the sdk client stopped during the benchmark");
            SanityCheck.require(sink.lines() > 0, "no event reached the socket");
            SanityCheck.require(missing <= 0, missing + " of " + produced + " events were neither queued nor delivered");
            SanityCheck.require(missing == 0, -missing + " more lines delivered than events produced");
        } finally {
            sendPath.close();
            sink.close();
        }
    }
}
