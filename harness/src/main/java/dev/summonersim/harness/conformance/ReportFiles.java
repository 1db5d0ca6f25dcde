package dev.summonersim.harness.conformance;

import dev.summonersim.sdk.text.PeerText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code junit.xml} (one testcase per scenario) and {@code report.md} in the report directory. */
final class ReportFiles {

    private ReportFiles() {
    }

    static void write(Path directory, String agent, ConformanceRun.Outcome outcome) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("junit.xml"), junit(outcome.results()), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("report.md"), markdown(agent, outcome), StandardCharsets.UTF_8);
    }

    static String junit(List<ScenarioResult> results) {
        long failures = results.stream().filter(r -> r.verdict().failsRun()).count();
        long skipped = results.stream().filter(r -> r.verdict() == Verdict.SKIPPED).count();
        double seconds = results.stream().mapToLong(r -> r.took().toMillis()).sum() / 1000.0;
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append(String.format(Locale.ROOT,
                "<testsuite name=\"conformance\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\" time=\"%.3f\">%n",
                results.size(), failures, skipped, seconds));
        for (ScenarioResult r : results) {
            x.append(String.format(Locale.ROOT, "  <testcase name=\"%s\" classname=\"conformance.%s\" time=\"%.3f\">",
                    xml(r.scenario()), r.category().label(), r.took().toMillis() / 1000.0));
            switch (r.verdict()) {
                case FAIL, UNEXPECTED_PASS -> x.append("\n    <failure message=\"").append(xml(r.evidence()))
                        .append("\">").append(xml(details(r))).append("</failure>\n  ");
                case SKIPPED -> x.append("\n    <skipped message=\"").append(xml(r.evidence())).append("\"/>\n  ");
                case EXPECTED_FAIL -> x.append("\n    <system-out>").append(xml("expected failure (--expect-fail):\n"
                        + details(r))).append("</system-out>\n  ");
                default -> { }
            }
            x.append("</testcase>\n");
        }
        return x.append("</testsuite>\n").toString();
    }

    static String markdown(String agent, ConformanceRun.Outcome outcome) {
        StringBuilder m = new StringBuilder("# Conformance report\n\nAgent under test: `").append(agent).append("`\n\n");
        outcome.abortedBecause().ifPresent(why -> m.append("**Stopped early:** ").append(PeerText.oneLine(why))
                .append("\n\n"));
        m.append("| scenario | category | verdict | evidence | measured |\n|---|---|---|---|---|\n");
        for (ScenarioResult r : outcome.results()) {
            m.append("| ").append(r.scenario()).append(" | ").append(r.category().label()).append(" | ")
                    .append(r.verdict().label()).append(" | ").append(cell(r.evidence())).append(" | ")
                    .append(cell(r.measurements())).append(" |\n");
        }
        m.append("\n## Levels\n\n");
        ResultTable.levels(outcome.results()).lines().forEach(l -> m.append("- ").append(l).append('\n'));
        for (ScenarioResult r : outcome.results()) {
            if (!r.findings().isEmpty()) {
                m.append("\n## ").append(r.scenario()).append("\n\n```text\n").append(details(r)).append("```\n");
            }
        }
        return m.toString();
    }

    private static String details(ScenarioResult r) {
        StringBuilder s = new StringBuilder();
        r.findings().forEach(f -> s.append(f).append('\n'));
        return s.toString();
    }

    private static String cell(String text) {
        return PeerText.oneLine(text).replace("|", "\\|");
    }

    private static String xml(String text) {
        StringBuilder s = new StringBuilder();
        PeerText.sanitize(text).chars().forEach(c -> {
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                default -> s.append((char) c);
            }
        });
        return s.toString();
    }
}
