package dev.summonersim.harness.conformance;

/** Scenario categories; each gets its own level in the report. */
enum Category {
    CORE, ROBUSTNESS, ETIQUETTE;

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
