package dev.summonersim.bench;

/**
 * The relay scenarios of the server-sim issue: A 1->1, B 1->10, C 10 chatty peers (each sends and reads), D one
 * sender paced at 100 lines/s for latency. {@code baseLines} is per sender at scale 1.0.
 */
public enum RelayScenario {
    A_1to1(1, 1, 100_000, 0),
    B_1to10(1, 10, 100_000, 0),
    C_10to10(10, 0, 10_000, 0),
    D_paced100(1, 1, 1_000, 100);

    public final int senders;
    public final int receivers;
    public final int baseLines;
    public final double perSecond;

    RelayScenario(int senders, int receivers, int baseLines, double perSecond) {
        this.senders = senders;
        this.receivers = receivers;
        this.baseLines = baseLines;
        this.perSecond = perSecond;
    }

    public int lines(double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be > 0: " + scale);
        }
        return Math.max(10, (int) Math.round(baseLines * scale));
    }
}
