package dev.summonersim.relay.chaos;

/** What the chaos option does to one relayed frame. */
public enum ChaosAction {
    NONE, DROP, DUPLICATE, REORDER, DELAY;

    /** The name used in the record file. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
