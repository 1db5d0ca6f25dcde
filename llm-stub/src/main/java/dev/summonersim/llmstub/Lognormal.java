package dev.summonersim.llmstub;

import java.util.Random;

/**
 * A positive quantity given as its median and 95th percentile, drawn from the lognormal distribution with those two
 * quantiles (LLM latencies and answer lengths are right-skewed: most are near the median, a few are much longer).
 * {@code median == p95} is a fixed value: every draw returns it and consumes no randomness, so a single number keeps
 * its exact meaning.
 *
 * @param median 50th percentile, at least 0
 * @param p95    95th percentile, at least {@code median}
 */
public record Lognormal(double median, double p95) {

    /** z-score of the 95th percentile of the standard normal distribution. */
    private static final double Z95 = 1.6448536269514722;

    public Lognormal {
        if (!(median >= 0) || Double.isInfinite(median)) {
            throw new IllegalArgumentException("median must be a number >= 0, got " + median);
        }
        if (!(p95 >= median) || Double.isInfinite(p95)) {
            throw new IllegalArgumentException("p95 must be >= the median (" + median + "), got " + p95);
        }
        if (p95 > median && median == 0) {
            throw new IllegalArgumentException("a spread needs a median > 0");
        }
    }

    public static Lognormal fixed(double value) {
        return new Lognormal(value, value);
    }

    /**
     * Parses {@code N} (fixed) or {@code MEDIAN,P95}.
     *
     * @throws IllegalArgumentException with a message saying what is accepted
     */
    public static Lognormal parse(String text) {
        String[] parts = text.trim().split("\\s*,\\s*", -1);
        try {
            if (parts.length == 1) {
                return fixed(Double.parseDouble(parts[0]));
            }
            if (parts.length == 2) {
                return new Lognormal(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("expects N or MEDIAN,P95 (numbers, P95 >= MEDIAN), got '" + text + "'");
    }

    public boolean isFixed() {
        return median == p95;
    }

    /** σ of the underlying normal: ln(p95 / median) / z95. */
    public double sigma() {
        return isFixed() ? 0 : Math.log(p95 / median) / Z95;
    }

    /** One draw; a fixed value returns itself without touching {@code random}. */
    public double draw(Random random) {
        if (isFixed()) {
            return median;
        }
        return median * Math.exp(sigma() * random.nextGaussian());
    }

    /** {@code 40} for a fixed value, {@code 40,120} for a spread (the form {@link #parse} reads). */
    @Override
    public String toString() {
        return isFixed() ? number(median) : number(median) + "," + number(p95);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
