package dev.summonersim.bench;

import java.util.Locale;

/**
 * One send strategy as written in a {@code @Param} value: {@code polling:<ms>}, {@code timeout:<ms>} or {@code blocking}.
 * Kept free of the stream-agent classes so the report can reason about ceilings without loading them.
 */
public record StrategySpec(Kind kind, long millis) {

    public enum Kind { POLLING, TIMEOUT, BLOCKING }

    public StrategySpec {
        if (millis < 0) {
            throw new IllegalArgumentException("strategy interval must be >= 0 ms: " + millis);
        }
    }

    public static StrategySpec parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("blocking")) {
            return new StrategySpec(Kind.BLOCKING, 0);
        }
        int colon = t.indexOf(':');
        if (colon > 0) {
            String name = t.substring(0, colon);
            long ms;
            try {
                ms = Long.parseLong(t.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("strategy '" + text + "': interval is not a whole number of ms", e);
            }
            if (name.equals("polling")) {
                return new StrategySpec(Kind.POLLING, ms);
            }
            if (name.equals("timeout")) {
                return new StrategySpec(Kind.TIMEOUT, ms);
            }
        }
        throw new IllegalArgumentException(
                "strategy '" + text + "' (expected: polling:<ms>, timeout:<ms> or blocking)");
    }

    /** Highest event rate the strategy allows, per second; infinite when the strategy never sleeps between events. */
    public double ceilingPerSecond() {
        return kind == Kind.POLLING && millis > 0 ? 1000.0 / millis : Double.POSITIVE_INFINITY;
    }

    /** Wake-ups per second the strategy should cost while no token arrives (polling 0 ms spins: infinite). */
    public double expectedIdleWakeupsPerSecond() {
        return switch (kind) {
            case BLOCKING -> 0.0;
            case POLLING, TIMEOUT -> millis > 0 ? 1000.0 / millis : Double.POSITIVE_INFINITY;
        };
    }

    @Override
    public String toString() {
        return kind == Kind.BLOCKING ? "blocking" : kind.name().toLowerCase(Locale.ROOT) + ":" + millis;
    }
}
