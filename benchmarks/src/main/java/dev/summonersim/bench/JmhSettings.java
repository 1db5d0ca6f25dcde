package dev.summonersim.bench;

import java.time.Duration;
import java.util.Map;

/**
 * JMH settings of one benchmark class for one profile. Times are ignored by SingleShotTime benchmarks, whose
 * iterations are single invocations. {@code params} overrides the class's {@code @Param} defaults.
 */
public record JmhSettings(int warmupIterations, Duration warmupTime, int measurementIterations,
                          Duration measurementTime, int forks, Map<String, String[]> params) {

    public JmhSettings {
        if (measurementIterations < 1) {
            throw new IllegalArgumentException("measurementIterations < 1: " + measurementIterations);
        }
        params = Map.copyOf(params);
    }

    public static JmhSettings of(int warmups, long warmupMillis, int iterations, long iterationMillis, int forks,
                                 Map<String, String[]> params) {
        return new JmhSettings(warmups, Duration.ofMillis(warmupMillis), iterations, Duration.ofMillis(iterationMillis),
                forks, params);
    }
}
