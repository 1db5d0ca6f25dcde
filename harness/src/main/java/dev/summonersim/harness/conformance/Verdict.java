package dev.summonersim.harness.conformance;

/** A scenario's outcome. Only FAIL and UNEXPECTED_PASS fail the run. */
enum Verdict {
    PASS("pass"),
    FAIL("FAIL"),
    EXPECTED_FAIL("expected-failure"),
    UNEXPECTED_PASS("UNEXPECTED-PASS"),
    SKIPPED("skipped");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    boolean failsRun() {
        return this == FAIL || this == UNEXPECTED_PASS;
    }
}
