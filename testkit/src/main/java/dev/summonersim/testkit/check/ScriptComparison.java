package dev.summonersim.testkit.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares one stream's tokens with its script and explains a difference as lost, duplicated or reordered tokens.
 * Only a stream that ended with stream_end must carry the whole script; a cancelled or failed one must carry a
 * prefix of it; one with no terminal at all is held to the whole script (its tail was lost).
 */
final class ScriptComparison {

    private static final int MAX_LISTED = 5;

    private final List<ObservedEvent> tokens;
    private final ObservedEvent terminal;
    private final ObservedEvent last;
    private final ExpectedScript script;

    ScriptComparison(List<ObservedEvent> tokens, ObservedEvent terminal, ObservedEvent last, ExpectedScript script) {
        this.tokens = tokens;
        this.terminal = terminal;
        this.last = last;
        this.script = script;
    }

    List<Violation> violations() {
        boolean mustBeComplete = terminal == null || ObservedEvent.STREAM_END.equals(terminal.type());
        StringBuilder text = new StringBuilder();
        tokens.forEach(t -> text.append(t.token()));
        String actual = text.toString();
        if (mustBeComplete ? actual.equals(script.text()) : script.text().startsWith(actual)) {
            return List.of();
        }
        List<Violation> found = script.hasTokens() ? explainByTokens(mustBeComplete) : new ArrayList<>();
        if (found.isEmpty()) {
            found.add(textMismatch(actual, mustBeComplete));
        }
        return found;
    }

    private List<Violation> explainByTokens(boolean mustBeComplete) {
        List<String> expected = script.tokens();
        List<Violation> found = new ArrayList<>();
        Map<String, Integer> budget = counts(expected);
        Map<String, Integer> seen = new HashMap<>();
        List<ObservedEvent> kept = new ArrayList<>();
        for (ObservedEvent t : tokens) {
            int allowed = budget.getOrDefault(t.token(), 0);
            int n = seen.merge(t.token(), 1, Integer::sum);
            if (allowed == 0) {
                found.add(new Violation(Rule.TEXT_MISMATCH, t, "token " + ObservedEvent.quote(t.token()) + " is not in the script"));
            } else if (n > allowed) {
                found.add(new Violation(Rule.TOKEN_DUPLICATED, t, "token " + ObservedEvent.quote(t.token())
                        + " arrived " + n + " times; the script has it " + allowed + (allowed == 1 ? " time" : " times")));
            } else {
                kept.add(t);
            }
        }
        // Greedy earliest matching decides whether the kept tokens are a subsequence of the script.
        int next = 0;
        int furthest = -1;
        for (ObservedEvent t : kept) {
            int at = indexOf(expected, t.token(), next);
            if (at < 0) {
                found.add(new Violation(Rule.TOKEN_REORDERED, t, "token " + ObservedEvent.quote(t.token())
                        + " arrived after tokens that the script puts behind it (script position " + (expected.indexOf(t.token()) + 1) + ")"));
            } else {
                next = at + 1;
                furthest = Math.max(furthest, at);
            }
        }
        List<String> reference = mustBeComplete ? expected : expected.subList(0, furthest + 1);
        Map<String, Integer> arrived = counts(kept.stream().map(ObservedEvent::token).toList());
        List<Integer> lostPositions = new ArrayList<>();
        for (int i = 0; i < reference.size(); i++) {
            String token = reference.get(i);
            if (arrived.getOrDefault(token, 0) > 0) {
                arrived.merge(token, -1, Integer::sum);
            } else {
                lostPositions.add(i);
            }
        }
        if (!lostPositions.isEmpty()) {
            List<String> listed = lostPositions.stream().limit(MAX_LISTED)
                    .map(i -> "#" + (i + 1) + " " + ObservedEvent.quote(expected.get(i))).toList();
            found.add(new Violation(Rule.TOKEN_LOST, terminal != null ? terminal : last,
                    lostPositions.size() + " of " + expected.size() + " script tokens never arrived, from script position "
                            + (lostPositions.get(0) + 1) + ": " + String.join(", ", listed)
                            + (lostPositions.size() > listed.size() ? ", ..." : "")));
        }
        return found;
    }

    private Violation textMismatch(String actual, boolean mustBeComplete) {
        String expected = script.text();
        int i = 0;
        while (i < actual.length() && i < expected.length() && actual.charAt(i) == expected.charAt(i)) {
            i++;
        }
        ObservedEvent at = eventCovering(i);
        String detail;
        if (i == actual.length() && mustBeComplete) {
            detail = "text ends early after " + i + " of " + expected.length() + " characters; missing tail "
                    + ObservedEvent.quote(abbreviate(expected.substring(i)));
        } else {
            detail = "text differs at character " + i + ": expected " + ObservedEvent.quote(abbreviate(expected.substring(i)))
                    + ", got " + ObservedEvent.quote(abbreviate(actual.substring(i)));
        }
        return new Violation(Rule.TEXT_MISMATCH, at, detail);
    }

    private ObservedEvent eventCovering(int charIndex) {
        int offset = 0;
        for (ObservedEvent t : tokens) {
            offset += t.token().length();
            if (charIndex < offset) {
                return t;
            }
        }
        return terminal != null ? terminal : last;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static int indexOf(List<String> list, String value, int from) {
        for (int i = from; i < list.size(); i++) {
            if (list.get(i).equals(value)) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, Integer> counts(List<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts;
    }
}
