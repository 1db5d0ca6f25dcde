package dev.summonersim.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The run's shared counters, written by every listener at once: deliveries, violations (the first few kept as text),
 * and the token-latency and TTFT histograms (HdrHistogram recorders, so memory stays flat however long the run).
 */
final class RunMeters {

    static final int KEPT_VIOLATIONS = 20;
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final LongAdder delivered = new LongAdder();
    private final LongAdder violations = new LongAdder();
    private final LongAdder explained = new LongAdder();
    private final List<String> firstViolations = new ArrayList<>();
    private final Recorder latency = new Recorder(MAX_MICROS, 3);
    private final Recorder ttft = new Recorder(MAX_MICROS, 3);
    private final Histogram latencyTotal = new Histogram(MAX_MICROS, 3);
    private final Histogram ttftTotal = new Histogram(MAX_MICROS, 3);
    private volatile long measureFromNanos = Long.MAX_VALUE;

    void delivered() {
        delivered.increment();
    }

    long deliveredCount() {
        return delivered.sum();
    }

    void violation(String description) {
        violations.increment();
        synchronized (firstViolations) {
            if (firstViolations.size() < KEPT_VIOLATIONS) {
                firstViolations.add(description);
            }
        }
    }

    /** A checker finding on a stream whose agent the relay rate-limited: lost lines the configuration explains. */
    void explainedByRateLimit(String description) {
        explained.increment();
        synchronized (firstViolations) {
            if (firstViolations.size() < KEPT_VIOLATIONS) {
                firstViolations.add("(explained by the rate limit) " + description);
            }
        }
    }

    long explainedCount() {
        return explained.sum();
    }

    long violationCount() {
        return violations.sum();
    }

    List<String> firstViolations() {
        synchronized (firstViolations) {
            return List.copyOf(firstViolations);
        }
    }

    /** Tokens written by the stub before this instant (the warm-up) are not timed. */
    void measureFrom(long nanoTime) {
        measureFromNanos = nanoTime;
    }

    long measureFromNanos() {
        return measureFromNanos;
    }

    void tokenLatency(long nanos) {
        latency.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1000)));
    }

    void ttft(long nanos) {
        ttft.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1000)));
    }

    /** Folds what was recorded since the last call into the totals and returns a copy of the latency total (µs). */
    synchronized Histogram latencySoFar() {
        latencyTotal.add(latency.getIntervalHistogram());
        ttftTotal.add(ttft.getIntervalHistogram());
        return latencyTotal.copy();
    }

    synchronized Histogram ttftSoFar() {
        latencySoFar();
        return ttftTotal.copy();
    }
}
