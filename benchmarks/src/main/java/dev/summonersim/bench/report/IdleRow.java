package dev.summonersim.bench.report;

import dev.summonersim.bench.StrategySpec;
import java.util.Comparator;
import java.util.List;

/** One IdleCostBenchmark result: what the send thread costs per second while no token arrives. */
public record IdleRow(StrategySpec strategy, double wakeupsPerSecond, double cpuMillisPerSecond) {

    static final String BENCHMARK = "IdleCostBenchmark";

    static List<IdleRow> from(List<BenchResult> results) {
        return results.stream()
                .map(r -> new IdleRow(StrategySpec.parse(r.param("strategy")), r.secondary("wakeups"),
                        r.secondary("cpuNanos") / 1e6))
                .sorted(Comparator.comparing((IdleRow i) -> i.strategy.kind()).thenComparingLong(i -> i.strategy.millis()))
                .toList();
    }

    public Boolean met() {
        return Targets.idleWakeupsMet(strategy, wakeupsPerSecond);
    }
}
