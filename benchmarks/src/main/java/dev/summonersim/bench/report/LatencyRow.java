package dev.summonersim.bench.report;

import dev.summonersim.bench.StrategySpec;
import java.util.Comparator;
import java.util.List;

/** One TokenLatencyBenchmark result: added latency per token, queued -> read from the socket, in microseconds. */
public record LatencyRow(StrategySpec strategy, double producerPerSecond, double count, double p50Micros,
                         double p99Micros, double maxMicros) {

    static final String BENCHMARK = "TokenLatencyBenchmark";

    static List<LatencyRow> from(List<BenchResult> results) {
        return results.stream()
                .map(r -> new LatencyRow(StrategySpec.parse(r.param("strategy")), r.derived("producer_rate"),
                        r.derived("count"), r.derived("p50_us"), r.derived("p99_us"), r.derived("max_us")))
                .sorted(Comparator.comparing((LatencyRow l) -> l.strategy.kind()).thenComparingLong(l -> l.strategy.millis()))
                .toList();
    }

    public Boolean met() {
        if (strategy.kind() == StrategySpec.Kind.POLLING) {
            return null;
        }
        return p50Micros < Targets.WAITING_MAX_P50_MICROS && p99Micros < Targets.WAITING_MAX_P99_MICROS;
    }
}
