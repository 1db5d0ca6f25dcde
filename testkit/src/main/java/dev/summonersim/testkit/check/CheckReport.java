package dev.summonersim.testkit.check;

import dev.summonersim.sdk.text.PeerText;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The result of one check.
 *
 * @param events how many stream events were checked
 * @param streams the stream ids in the order of their first event
 * @param violations every violation, in the order of the offending events
 */
public record CheckReport(int events, List<String> streams, List<Violation> violations) {

    public CheckReport {
        streams = List.copyOf(streams);
        violations = List.copyOf(violations);
    }

    public boolean isClean() {
        return violations.isEmpty();
    }

    public List<Violation> violationsOf(Rule rule) {
        return violations.stream().filter(v -> v.rule() == rule).toList();
    }

    public Map<Rule, Long> countsByRule() {
        return violations.stream().collect(Collectors.groupingBy(Violation::rule, () -> new java.util.EnumMap<>(Rule.class),
                Collectors.counting()));
    }

    /**
     * A multi-line text for logs and for the check-events command. Violations quote stream ids, tokens and error
     * texts that a peer chose, so each violation is one line with its control characters made visible.
     */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(events).append(" stream events, ").append(streams.size()).append(" streams, ")
                .append(violations.size()).append(violations.size() == 1 ? " violation" : " violations");
        if (!violations.isEmpty()) {
            s.append(' ').append(countsByRule());
        }
        for (Violation v : violations) {
            s.append(System.lineSeparator()).append("  ").append(PeerText.oneLine(v.toString()));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
