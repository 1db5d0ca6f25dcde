package dev.summonersim.harness.conformance;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One row of the conformance table.
 *
 * @param evidence     one line: the first failed rule's detail, the skip reason, or what passed
 * @param findings     every failed rule (empty when passed or skipped)
 * @param measurements measured facts (time to first event, tokens/s, largest gap); never part of the verdict
 */
record ScenarioResult(String scenario, Category category, Verdict verdict, String evidence,
                      List<Findings.Finding> findings, String measurements, Duration took) {

    ScenarioResult {
        findings = List.copyOf(findings);
    }

    Set<String> failedRules() {
        return findings.stream().map(Findings.Finding::rule).collect(java.util.stream.Collectors.toCollection(
                java.util.LinkedHashSet::new));
    }
}
