package dev.summonersim.bench;

/** How long and how widely the suite measures. */
public enum RunProfile {
    /** Every benchmark, every parameter, repeated iterations: the numbers to publish (tens of minutes). */
    FULL,
    /** Fewer and shorter iterations and a narrower sweep: a few minutes, noisier. */
    QUICK,
    /** One tiny in-process iteration per benchmark, only to prove they still run (the smoke test). */
    SMOKE
}
