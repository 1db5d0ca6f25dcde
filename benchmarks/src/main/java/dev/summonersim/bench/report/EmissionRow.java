package dev.summonersim.bench.report;

import dev.summonersim.bench.ProducerRate;
import dev.summonersim.bench.StrategySpec;
import java.util.Comparator;
import java.util.List;

/** One EmissionRateBenchmark result: events/s at the receiver against the ceiling the strategy and producer allow. */
public record EmissionRow(StrategySpec strategy, ProducerRate rate, double eventsPerSecond) {

    static final String BENCHMARK = "EmissionRateBenchmark";

    static List<EmissionRow> from(List<BenchResult> results) {
        return results.stream()
                .map(r -> new EmissionRow(StrategySpec.parse(r.param("strategy")), ProducerRate.parse(r.param("rate")),
                        r.secondary("events")))
                .sorted(Comparator.comparing((EmissionRow e) -> -e.rate.perSecond())
                        .thenComparing(e -> e.strategy.kind())
                        .thenComparingLong(e -> e.strategy.millis()))
                .toList();
    }

    /** 1/interval for polling, the producer rate otherwise, whichever is lower. */
    public double ceiling() {
        return Math.min(strategy.ceilingPerSecond(), rate.perSecond());
    }

    public double ratio() {
        return Double.isInfinite(ceiling()) ? Double.NaN : eventsPerSecond / ceiling();
    }

    /** Null when no target applies to this combination. */
    public Boolean met() {
        if (Targets.pollingRateTargetApplies(strategy, rate.perSecond())) {
            return ratio() >= Targets.POLLING_MIN_RATIO;
        }
        if (rate.isUnbounded() && strategy.kind() != StrategySpec.Kind.POLLING) {
            return eventsPerSecond >= Targets.SDK_MIN_EVENTS_PER_SECOND;
        }
        return null;
    }

    public String target() {
        if (Targets.pollingRateTargetApplies(strategy, rate.perSecond())) {
            return "≥ 97 % of 1/interval";
        }
        if (rate.isUnbounded() && strategy.kind() != StrategySpec.Kind.POLLING) {
            return "≥ 50,000 events/s";
        }
        return "–";
    }
}
