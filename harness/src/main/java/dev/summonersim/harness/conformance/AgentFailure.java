package dev.summonersim.harness.conformance;

/**
 * The agent under test stopped cooperating: it exited, or it did not connect within the budget. Carries one line
 * for the table and the agent's output tail for the report.
 */
final class AgentFailure extends Exception {

    private final String rule;
    private final String tail;
    private final boolean atStart;

    AgentFailure(String rule, String message, String tail, boolean atStart) {
        super(message);
        this.rule = rule;
        this.tail = tail;
        this.atStart = atStart;
    }

    /** The agent never got going (it exited or did not connect before the scenario could start). */
    boolean atStart() {
        return atStart;
    }

    String rule() {
        return rule;
    }

    String tail() {
        return tail;
    }
}
