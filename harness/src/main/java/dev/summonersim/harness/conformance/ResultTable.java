package dev.summonersim.harness.conformance;

import dev.summonersim.sdk.text.PeerText;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table printed on stdout and the level per category. */
final class ResultTable {

    private static final String ROW = "%-15s %-11s %-17s %s%n";
    /** Longer evidence is cut in the table; report.md and junit.xml carry every finding in full. */
    private static final int EVIDENCE_CHARS = 240;

    private ResultTable() {
    }

    static String header() {
        return String.format(Locale.ROOT, ROW, "scenario", "category", "verdict", "evidence");
    }

    static String row(ScenarioResult r) {
        String evidence = PeerText.oneLine(r.evidence());
        if (evidence.length() > EVIDENCE_CHARS) {
            evidence = evidence.substring(0, EVIDENCE_CHARS) + "...";
        }
        evidence += r.measurements().isEmpty() ? "" : "  [" + r.measurements() + "]";
        return String.format(Locale.ROOT, ROW, r.scenario(), r.category().label(), r.verdict().label(), evidence);
    }

    /**
     * One line per category that ran: "pass" when every scenario passed (or failed as expected), "fail" otherwise,
     * with the counts, e.g. {@code robustness: fail (3 of 4 pass, 1 expected failure)}.
     */
    static String levels(List<ScenarioResult> results) {
        Map<Category, int[]> counts = new EnumMap<>(Category.class); // pass, expected, failed, skipped, total
        for (ScenarioResult r : results) {
            int[] c = counts.computeIfAbsent(r.category(), k -> new int[5]);
            switch (r.verdict()) {
                case PASS -> c[0]++;
                case EXPECTED_FAIL -> c[1]++;
                case SKIPPED -> c[3]++;
                default -> c[2]++;
            }
            c[4]++;
        }
        StringBuilder s = new StringBuilder();
        counts.forEach((category, c) -> {
            String level = c[2] > 0 ? "fail" : c[0] + c[1] == 0 ? "not run" : "pass";
            s.append(String.format(Locale.ROOT, "%s: %s (%d of %d pass%s%s)%n", category.label(), level, c[0], c[4],
                    c[1] > 0 ? ", " + c[1] + " expected failure" + (c[1] > 1 ? "s" : "") : "",
                    c[3] > 0 ? ", " + c[3] + " skipped" : ""));
        });
        return s.toString();
    }
}
