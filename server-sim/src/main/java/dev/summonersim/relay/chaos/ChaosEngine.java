package dev.summonersim.relay.chaos;

import java.util.SplittableRandom;

/**
 * Decides one {@link ChaosAction} per frame from a {@link ChaosSpec}: drop, then duplicate, then reorder, then delay are
 * tried in that order with independent draws, and the first that hits wins. One engine per sender connection, seeded
 * from the spec's seed and the connection's number, so a run is repeatable for the same connection order. Not
 * thread-safe: used on the sender's event loop.
 */
public final class ChaosEngine {
    private final ChaosSpec spec;
    private final SplittableRandom random;

    public ChaosEngine(ChaosSpec spec, long connectionNumber) {
        this.spec = spec;
        this.random = new SplittableRandom(spec.seed() * 1_000_003L + connectionNumber);
    }

    public ChaosAction next() {
        if (hit(spec.drop())) {
            return ChaosAction.DROP;
        }
        if (hit(spec.duplicate())) {
            return ChaosAction.DUPLICATE;
        }
        if (hit(spec.reorder())) {
            return ChaosAction.REORDER;
        }
        if (!spec.delay().isZero() && hit(spec.delayProbability())) {
            return ChaosAction.DELAY;
        }
        return ChaosAction.NONE;
    }

    public ChaosSpec spec() {
        return spec;
    }

    private boolean hit(double p) {
        // always draw, so one action's probability does not shift the others' random sequence
        double draw = random.nextDouble();
        return p > 0 && draw < p;
    }
}
