package dev.summonersim.bench.report;

import java.util.Map;

/**
 * One parameter combination of one benchmark: JMH's primary score and secondary (aux counter) scores, joined with
 * the derived figures the trial wrote to the side channel (empty when it wrote none).
 */
public record BenchResult(String benchmark, String method, Map<String, String> params, double score, String unit,
                          Map<String, Double> secondary, Map<String, Object> derived) {

    public String param(String key) {
        String v = params.get(key);
        if (v == null) {
            throw new IllegalStateException(benchmark + "." + method + " has no param '" + key + "': " + params);
        }
        return v;
    }

    public double secondary(String key) {
        Double v = secondary.get(key);
        return v == null ? Double.NaN : v;
    }

    public double derived(String key) {
        Object v = derived.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
