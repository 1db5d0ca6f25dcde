package dev.summonersim.testkit.check;

/**
 * One broken invariant.
 *
 * @param rule which invariant
 * @param event the offending event (for a missing terminal: the stream's last event)
 * @param detail what exactly was wrong, quoting the values involved
 */
public record Violation(Rule rule, ObservedEvent event, String detail) {

    @Override
    public String toString() {
        return rule + " at " + event + ": " + detail;
    }
}
