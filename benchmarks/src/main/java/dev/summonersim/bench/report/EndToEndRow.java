package dev.summonersim.bench.report;

import dev.summonersim.bench.StrategySpec;
import java.util.Comparator;
import java.util.List;

/** One EndToEndBenchmark result: llm-stub -> stream agent -> relay -> receiving client. */
public record EndToEndRow(StrategySpec strategy, long tokenDelayMillis, double tokens, double stubTokensPerSecond,
                          double tokensPerSecond, double p50Micros, double p99Micros, double maxMicros) {

    static final String BENCHMARK = "EndToEndBenchmark";

    static List<EndToEndRow> from(List<BenchResult> results) {
        return results.stream()
                .map(r -> new EndToEndRow(StrategySpec.parse(r.param("strategy")),
                        Long.parseLong(r.param("tokenDelayMs")), r.derived("tokens"), r.derived("stub_tokens_per_s"),
                        r.derived("tokens_per_s"),
                        r.derived("p50_us"), r.derived("p99_us"), r.derived("max_us")))
                .sorted(Comparator.comparingLong(EndToEndRow::tokenDelayMillis)
                        .thenComparing(e -> e.strategy.kind()).thenComparingLong(e -> e.strategy.millis()))
                .toList();
    }

    /** Token rate the stub was asked for. */
    public double requestedTokensPerSecond() {
        return tokenDelayMillis > 0 ? 1000.0 / tokenDelayMillis : Double.POSITIVE_INFINITY;
    }
}
