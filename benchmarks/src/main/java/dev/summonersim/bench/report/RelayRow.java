package dev.summonersim.bench.report;

import java.util.List;

/** One RelayThroughputBenchmark scenario against the relay targets. */
public record RelayRow(Targets.Relay scenario, double deliveriesPerSecond, double relayCpuMicrosPerDelivery,
                       double p50Micros, double p99Micros, double maxMicros, double lost, double duplicates,
                       double inversions) {

    static final String BENCHMARK = "RelayThroughputBenchmark";

    static List<RelayRow> from(List<BenchResult> results) {
        return results.stream()
                .map(r -> new RelayRow(Targets.Relay.valueOf(r.param("scenario")), r.derived("deliveries_per_s"),
                        r.derived("relay_cpu_us_per_delivery"), r.derived("p50_us"), r.derived("p99_us"),
                        r.derived("max_us"), r.derived("lost"), r.derived("duplicates"), r.derived("inversions")))
                .sorted((a, b) -> a.scenario.compareTo(b.scenario))
                .toList();
    }

    public Boolean throughputMet() {
        return Double.isNaN(scenario.minDeliveriesPerSecond) ? null
                : deliveriesPerSecond >= scenario.minDeliveriesPerSecond;
    }

    public Boolean cpuMet() {
        return Double.isNaN(scenario.maxRelayCpuMicrosPerDelivery) || Double.isNaN(relayCpuMicrosPerDelivery) ? null
                : relayCpuMicrosPerDelivery <= scenario.maxRelayCpuMicrosPerDelivery;
    }

    public Boolean latencyMet() {
        return Double.isNaN(scenario.maxP99Micros) ? null : p99Micros <= scenario.maxP99Micros;
    }

    public boolean integrityMet() {
        return lost == 0 && duplicates == 0 && inversions == 0;
    }
}
