package dev.summonersim.relay.chaos;

import java.time.Duration;
import java.util.Locale;

/**
 * Deliberate delivery faults for harness self-tests, parsed from {@code --chaos}. Every probability applies per relayed
 * frame, independently; {@code seed} makes a run repeatable for a given arrival order.
 *
 * <p>Syntax: comma-separated {@code key=value} pairs, any order, each at most once:
 * {@code drop=P}, {@code dup=P}, {@code reorder=P}, {@code delay=P:DURATION} (DURATION like {@code 20ms}, {@code 1s}),
 * {@code seed=N}. P is a probability in [0, 1]. Example: {@code drop=0.05,dup=0.05,reorder=0.05,delay=0.1:20ms,seed=42}.
 */
public record ChaosSpec(double drop, double duplicate, double reorder, double delayProbability, Duration delay,
                        long seed) {

    public static final String SYNTAX =
            "drop=P,dup=P,reorder=P,delay=P:DURATION,seed=N (P in [0,1], DURATION like 20ms or 1s; any subset)";

    public ChaosSpec {
        requireProbability("drop", drop);
        requireProbability("dup", duplicate);
        requireProbability("reorder", reorder);
        requireProbability("delay", delayProbability);
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("chaos delay duration: " + delay + " (expected: >= 0)");
        }
    }

    /** True when at least one fault has a non-zero probability. */
    public boolean isActive() {
        return drop > 0 || duplicate > 0 || reorder > 0 || (delayProbability > 0 && !delay.isZero());
    }

    public static ChaosSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("chaos spec is empty (expected: " + SYNTAX + ")");
        }
        double drop = 0;
        double dup = 0;
        double reorder = 0;
        double delayP = 0;
        Duration delay = Duration.ZERO;
        long seed = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String part : spec.split(",")) {
            String item = part.trim();
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("chaos item '" + item + "' has no key=value (expected: " + SYNTAX + ")");
            }
            String key = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = item.substring(eq + 1).trim();
            if (!seen.add(key)) {
                throw new IllegalArgumentException("chaos key '" + key + "' given twice in '" + spec + "'");
            }
            switch (key) {
                case "drop" -> drop = probability(key, value);
                case "dup", "duplicate" -> dup = probability(key, value);
                case "reorder" -> reorder = probability(key, value);
                case "delay" -> {
                    int colon = value.indexOf(':');
                    if (colon < 0) {
                        throw new IllegalArgumentException("chaos delay '" + value + "' (expected: P:DURATION, e.g. 0.1:20ms)");
                    }
                    delayP = probability(key, value.substring(0, colon));
                    delay = duration(value.substring(colon + 1));
                }
                case "seed" -> {
                    try {
                        seed = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("chaos seed '" + value + "' (expected: an integer)");
                    }
                }
                default -> throw new IllegalArgumentException("unknown chaos key '" + key + "' (expected: " + SYNTAX + ")");
            }
        }
        return new ChaosSpec(drop, dup, reorder, delayP, delay, seed);
    }

    private static double probability(String key, String value) {
        try {
            double p = Double.parseDouble(value.trim());
            requireProbability(key, p);
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("chaos " + key + " probability '" + value + "' (expected: a number in [0,1])");
        }
    }

    private static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw new IllegalArgumentException("chaos delay duration '" + text + "' (expected: e.g. 20ms or 1s)");
    }

    private static void requireProbability(String key, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("chaos " + key + " probability: " + p + " (expected: in [0,1])");
        }
    }

    @Override
    public String toString() {
        return "drop=" + drop + ",dup=" + duplicate + ",reorder=" + reorder + ",delay=" + delayProbability + ":"
                + delay.toMillis() + "ms,seed=" + seed;
    }
}
