package dev.summonersim.simulator;

import dev.summonersim.agent.stream.send.SendMode;
import dev.summonersim.agent.stream.send.SendStrategy;
import java.time.Duration;
import java.util.Locale;

/**
 * One send strategy as the simulation names it: {@code polling:10} (interval in ms), {@code timeout:500} (wait
 * limit in ms) or {@code blocking}.
 */
public record StrategySpec(SendMode mode, long millis) {

    public StrategySpec {
        if (millis < 0) {
            throw new IllegalArgumentException("milliseconds must be >= 0, got " + millis);
        }
    }

    /** Parses {@code polling[:MS]}, {@code timeout[:MS]} or {@code blocking}; MS defaults to 10 and 500. */
    public static StrategySpec parse(String text) {
        String[] parts = text.trim().split(":", -1);
        SendMode mode = SendMode.parse(parts[0]);
        if (parts.length > 2 || (parts.length == 2 && mode == SendMode.BLOCKING)) {
            throw new IllegalArgumentException("expects polling:MS, timeout:MS or blocking, got '" + text + "'");
        }
        long millis = mode == SendMode.TIMEOUT ? 500 : 10;
        if (parts.length == 2) {
            try {
                millis = Long.parseLong(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expects polling:MS, timeout:MS or blocking, got '" + text + "'");
            }
        }
        return new StrategySpec(mode, mode == SendMode.BLOCKING ? 0 : millis);
    }

    public SendStrategy strategy() {
        return mode.strategy(Duration.ofMillis(millis), Duration.ofMillis(millis));
    }

    /** The spelling {@link #parse} reads back, e.g. {@code polling:10}. */
    public String label() {
        String name = mode.name().toLowerCase(Locale.ROOT);
        return mode == SendMode.BLOCKING ? name : name + ":" + millis;
    }

    @Override
    public String toString() {
        return label();
    }
}
