package dev.summonersim.bench;

import dev.summonersim.agent.stream.StreamAgent;
import dev.summonersim.agent.stream.StreamAgentConfig;
import dev.summonersim.bench.fixture.DerivedMetrics;
import dev.summonersim.bench.fixture.SanityCheck;
import dev.summonersim.bench.fixture.Strategies;
import dev.summonersim.bench.fixture.StreamReceiver;
import dev.summonersim.bench.fixture.TapProxy;
import dev.summonersim.bench.fixture.TokenTap;
import dev.summonersim.llmstub.ChatScript;
import dev.summonersim.llmstub.LlmStub;
import dev.summonersim.llmstub.LlmStubConfig;
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
 * Question: what token rate and per-token latency does a user see end to end, from the LLM's write to the client's
 * read, for each send strategy?
 *
 * <p>Everything real and on loopback: the llm-stub streams {@code tokens} numbered tokens with {@code tokenDelayMs}
 * between them, through a byte-for-byte tap proxy that timestamps each token as it leaves the stub, to a
 * {@code StreamAgent} (real LLM client, queue, send strategy, sdk client), through the in-process relay, to a
 * receiving sdk client that sent the prompt. One invocation (SingleShotTime) is one complete stream. Tokens/s =
 * tokens / (last arrival - first token leaving the stub); latency = arrival - leaving the stub, per token.
 *
 * <p>How to run: {@code bin/bench --include EndToEnd}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 10)
public class EndToEndBenchmark {

    private static final Duration STREAM_TIMEOUT = Duration.ofSeconds(60);

    @Param({"polling:10", "timeout:500", "blocking"})
    public String strategy;

    /** Pause the stub makes between tokens: 1 ms = 1000 tokens/s, 10 ms = 100 tokens/s. */
    @Param({"1", "10"})
    public int tokenDelayMs;

    @Param("200")
    public int tokens;

    private RelayServer relay;
    private LlmStub stub;
    private TokenTap tap;
    private TapProxy proxy;
    private StreamAgent agent;
    private StreamReceiver receiver;
    private boolean measuring;
    private int prompts;
    private final Histogram measured = new Histogram(3);
    private final List<Double> tokensPerSecond = new ArrayList<>();
    private final List<Double> stubTokensPerSecond = new ArrayList<>();

    @Setup(Level.Trial)
    public void start() throws IOException {
        StrategySpec spec = StrategySpec.parse(strategy);
        relay = RelayServer.start(RelayServerConfig.forTesting().toBuilder()
                .rust(r -> r.backpressure(BackpressureThresholds.disabled()))
                .build());
        stub = LlmStub.start(LlmStubConfig.builder()
                .script(ChatScript.anyPrompt().numberedTokens(tokens)
                        .ttft(Duration.ZERO).tokenDelay(Duration.ofMillis(tokenDelayMs)))
                .build());
        tap = new TokenTap();
        proxy = TapProxy.start(stub.port(), tap);
        agent = StreamAgent.start(StreamAgentConfig.builder()
                .name("bench-e2e-agent")
                .host("127.0.0.1")
                .port(relay.port())
                .send(s -> s.mode(Strategies.mode(spec))
                        .pollInterval(Duration.ofMillis(spec.millis()))
                        .sendTimeout(Duration.ofMillis(spec.millis())))
                .llm(l -> l.baseUrl("http://127.0.0.1:" + proxy.port() + "/v1").apiKey("sk-bench"))
                .build());
        agent.awaitReady(Duration.ofSeconds(10));
        receiver = StreamReceiver.connect("bench-e2e-user", relay.port(), Duration.ofSeconds(10));
    }

    @Setup(Level.Iteration)
    public void beginIteration(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
    }

    @Benchmark
    public long oneStream() throws InterruptedException {
        tap.reset(tokens);
        receiver.prompt("benchmark prompt " + (++prompts), tokens);
        SanityCheck.require(receiver.awaitEnd(STREAM_TIMEOUT),
                "stream " + prompts + " did not end within " + STREAM_TIMEOUT.toSeconds() + " s");
        long first = tap.seenAt(0);
        long last = 0;
        long lastLeft = 0;
        for (int i = 0; i < tokens; i++) {
            long left = tap.seenAt(i);
            long arrived = receiver.arrivedAt(i);
            SanityCheck.require(left > 0 && arrived > 0, "token " + i + " of stream " + prompts
                    + (left == 0 ? " never left the stub" : " never arrived"));
            if (measuring) {
                measured.recordValue(Math.max(0, arrived - left));
            }
            last = Math.max(last, arrived);
            lastLeft = Math.max(lastLeft, left);
        }
        if (measuring) {
            tokensPerSecond.add(tokens * 1e9 / (last - first));
            // What the stub really achieved: its sleeps stretch on a busy machine.
            stubTokensPerSecond.add((tokens - 1) * 1e9 / Math.max(1, lastLeft - first));
        }
        return last - first;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    @TearDown(Level.Trial)
    public void stopAndReport(BenchmarkParams params) throws IOException {
        try {
            SanityCheck.require(receiver.outOfOrder() == 0, receiver.outOfOrder() + " tokens out of order");
            SanityCheck.require(!tokensPerSecond.isEmpty(), "no measured stream");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tokens", tokens);
            m.put("streams", tokensPerSecond.size());
            m.put("tokens_per_s", median(tokensPerSecond));
            m.put("stub_tokens_per_s", median(stubTokensPerSecond));
            m.put("p50_us", measured.getValueAtPercentile(50) / 1000.0);
            m.put("p99_us", measured.getValueAtPercentile(99) / 1000.0);
            m.put("max_us", measured.getMaxValue() / 1000.0);
            m.put("unexpected_messages", receiver.unexpected());
            DerivedMetrics.append(params, m);
        } finally {
            receiver.close();
            agent.close();
            proxy.close();
            stub.close();
            relay.close();
        }
    }
}
