package dev.summonersim.bench;

import static dev.summonersim.bench.RunProfile.FULL;
import static dev.summonersim.bench.RunProfile.QUICK;
import static dev.summonersim.bench.RunProfile.SMOKE;

import java.util.List;
import java.util.Map;

/**
 * The suite: one plan per benchmark class, in the order they run. The quick profile keeps every strategy but
 * narrows the slowest sweeps; the smoke profile runs each class once in-process with the smallest settings.
 */
public final class BenchmarkCatalog {

    static final String[] ALL_STRATEGIES = {
        "polling:0", "polling:1", "polling:2", "polling:5", "polling:10", "polling:20", "polling:50", "polling:100",
        "timeout:500", "blocking"};

    private BenchmarkCatalog() {
    }

    public static List<BenchmarkPlan> plans() {
        return List.of(emissionRate(), tokenLatency(), idleCost(), endToEnd(), relayThroughput());
    }

    private static BenchmarkPlan emissionRate() {
        return new BenchmarkPlan("EmissionRateBenchmark", "events/s through the real send loop against polling interval",
                Map.of(
                        FULL, JmhSettings.of(2, 1000, 3, 5000, 1,
                                Map.of("strategy", ALL_STRATEGIES, "rate", new String[] {"unbounded", "1000", "100"})),
                        QUICK, JmhSettings.of(1, 1000, 1, 3000, 1,
                                Map.of("strategy", ALL_STRATEGIES, "rate", new String[] {"unbounded", "100"})),
                        SMOKE, JmhSettings.of(0, 0, 1, 200, 0,
                                Map.of("strategy", new String[] {"polling:2", "blocking"}, "rate", new String[] {"1000"}))));
    }

    private static BenchmarkPlan tokenLatency() {
        return new BenchmarkPlan("TokenLatencyBenchmark", "added latency per token, queued -> read from the socket",
                Map.of(
                        FULL, JmhSettings.of(1, 2000, 3, 5000, 1, Map.of("strategy", ALL_STRATEGIES)),
                        QUICK, JmhSettings.of(1, 1000, 1, 4000, 1, Map.of("strategy", ALL_STRATEGIES)),
                        SMOKE, JmhSettings.of(0, 0, 1, 300, 0,
                                Map.of("strategy", new String[] {"polling:1", "timeout:500"}))));
    }

    private static BenchmarkPlan idleCost() {
        return new BenchmarkPlan("IdleCostBenchmark", "wake-ups and CPU per second of the send thread while idle",
                Map.of(
                        FULL, JmhSettings.of(1, 1000, 2, 5000, 1, Map.of("strategy", ALL_STRATEGIES)),
                        QUICK, JmhSettings.of(1, 500, 1, 4000, 1, Map.of("strategy", ALL_STRATEGIES)),
                        SMOKE, JmhSettings.of(0, 0, 1, 300, 0,
                                Map.of("strategy", new String[] {"polling:10", "blocking"}))));
    }

    private static BenchmarkPlan endToEnd() {
        return new BenchmarkPlan("EndToEndBenchmark", "llm-stub -> stream agent -> relay -> client: tokens/s and latency",
                Map.of(
                        FULL, JmhSettings.of(1, 0, 10, 0, 1, Map.of(
                                "strategy", new String[] {"polling:10", "timeout:500", "blocking"},
                                "tokenDelayMs", new String[] {"1", "10"})),
                        QUICK, JmhSettings.of(1, 0, 3, 0, 1, Map.of(
                                "strategy", new String[] {"polling:10", "blocking"},
                                "tokenDelayMs", new String[] {"1", "10"})),
                        SMOKE, JmhSettings.of(0, 0, 1, 0, 0, Map.of(
                                "strategy", new String[] {"blocking"}, "tokenDelayMs", new String[] {"1"},
                                "tokens", new String[] {"20"}))));
    }

    private static BenchmarkPlan relayThroughput() {
        String[] scenarios = {"A_1to1", "B_1to10", "C_10to10", "D_paced100"};
        return new BenchmarkPlan("RelayThroughputBenchmark", "relay delivered lines/s and latency, 200-byte lines",
                Map.of(
                        FULL, JmhSettings.of(1, 0, 3, 0, 1, Map.of("scenario", scenarios, "scale", new String[] {"1.0"})),
                        QUICK, JmhSettings.of(1, 0, 2, 0, 1, Map.of("scenario", scenarios, "scale", new String[] {"0.2"})),
                        SMOKE, JmhSettings.of(0, 0, 1, 0, 0, Map.of("scenario", scenarios, "scale", new String[] {"0.01"}))));
    }
}
