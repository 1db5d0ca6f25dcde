package dev.summonersim.harness.conformance;

import dev.summonersim.sdk.text.PeerText;
import dev.summonersim.testkit.check.CheckReport;
import dev.summonersim.testkit.check.DeliveryComparison;
import dev.summonersim.testkit.check.ObservedEvent;
import dev.summonersim.testkit.check.StreamInvariantChecker;
import dev.summonersim.testkit.check.Violation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The failed rules of one scenario, each with one line of evidence. Rule names are the checker's
 * ({@code MISSING_TERMINAL}, {@code TOKEN_LOST}, …), the two-point comparison's ({@code EVENT_LOST},
 * {@code EVENT_DUPLICATED}, {@code EVENT_REORDERED}) and the scenario rules below.
 */
final class Findings {

    /** The agent did not register at the relay within the budget. */
    static final String NOT_CONNECTED = "NOT_CONNECTED";
    /** The agent process (or client) ended while the scenario ran. */
    static final String AGENT_EXITED = "AGENT_EXITED";
    /** A stream the scenario asked for did not arrive, or did not end, within the budget. */
    static final String STREAM_MISSING = "STREAM_MISSING";
    /** The stream ended with a different terminal event than the scenario requires. */
    static final String WRONG_TERMINAL = "WRONG_TERMINAL";
    /** Two listeners saw different sequences. */
    static final String VIEWS_DIFFER = "VIEWS_DIFFER";
    /** Agents answered each other's stream events as prompts. */
    static final String SELF_TRIGGERED = "SELF_TRIGGERED";
    /** The scenario could not set up its condition (a kit problem, not the agent's). */
    static final String SETUP = "SETUP";

    /** One failed rule with its evidence. */
    record Finding(String rule, String detail) {
        @Override
        public String toString() {
            return rule + ": " + PeerText.oneLine(detail);
        }
    }

    private final List<Finding> findings = new ArrayList<>();

    void add(String rule, String detail) {
        findings.add(new Finding(rule, detail));
    }

    void require(boolean holds, String rule, String detail) {
        if (!holds) {
            add(rule, detail);
        }
    }

    /** The checker's verdict on one listener's events; {@code scripts} null for structure only. */
    CheckReport checkStreams(String listener, List<ObservedEvent> events, List<List<String>> scripts) {
        StreamInvariantChecker checker = scripts == null ? StreamInvariantChecker.structural()
                : StreamInvariantChecker.expecting(scripts.stream()
                        .map(dev.summonersim.testkit.check.ExpectedScript::ofTokens).toList());
        CheckReport report = checker.check(events);
        for (Violation v : report.violations()) {
            add(v.rule().name(), listener + " " + v);
        }
        return report;
    }

    /** Two-point comparison: every event the sender emitted to this listener, against what it received. */
    void compareDelivery(Recording recording, Recording.View view) {
        for (String sender : recording.eventSenders()) {
            List<DeliveryComparison.Discrepancy> found = DeliveryComparison.compare(
                    recording.emitted(sender, view.address()), view.eventsFrom(sender));
            for (DeliveryComparison.Discrepancy d : found) {
                add("EVENT_" + d.kind().name(), view.name() + " from " + sender + ": " + d);
            }
        }
    }

    List<Finding> all() {
        return List.copyOf(findings);
    }

    Set<String> rules() {
        Set<String> rules = new LinkedHashSet<>();
        findings.forEach(f -> rules.add(f.rule()));
        return rules;
    }

    boolean isEmpty() {
        return findings.isEmpty();
    }
}
