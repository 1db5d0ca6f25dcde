package dev.summonersim.harness.conformance;

import dev.summonersim.sdk.text.PeerText;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the selected scenarios one after the other, each on a fresh {@link Stage}, and turns findings into
 * verdicts: a scenario named in {@code expectFail} that fails is an expected failure, one that passes fails the run.
 */
final class ConformanceRun {

    /** Every scenario, in the order they run and are listed. */
    static final List<ConformanceScenario> SCENARIOS = List.of(
            WalkthroughScenario.walkthrough(),
            WalkthroughScenario.jsonTokens(),
            new FanOutScenario(),
            new CancellationScenario(),
            new LlmFaultsScenario(),
            new ServerWarningScenario(),
            new RelayRestartScenario(),
            new SelfTriggerScenario());

    /**
     * @param agent      the agent under test
     * @param scenarios  the scenarios to run, in order
     * @param expectFail names of scenarios that are known to fail
     * @param workDir    scenario folders (configs, agent output and logs, relay records) go here
     * @param budget     how long any one wait may take (connecting, a stream to end)
     * @param relay      an external relay to test through a recording proxy, or null for a relay of our own
     */
    record Settings(AgentUnderTest agent, List<ConformanceScenario> scenarios, Set<String> expectFail, Path workDir,
                    Duration budget, InetSocketAddress relay) {

        Settings(AgentUnderTest agent, List<ConformanceScenario> scenarios, Set<String> expectFail, Path workDir,
                 Duration budget) {
            this(agent, scenarios, expectFail, workDir, budget, null);
        }
    }

    /** The results, and the one line that explains why the run stopped early, if it did. */
    record Outcome(List<ScenarioResult> results, Optional<String> abortedBecause) {

        boolean passed() {
            return abortedBecause.isEmpty() && results.stream().noneMatch(r -> r.verdict().failsRun())
                    && results.stream().anyMatch(r -> r.verdict() == Verdict.PASS || r.verdict() == Verdict.EXPECTED_FAIL);
        }
    }

    static Optional<ConformanceScenario> byName(String name) {
        return SCENARIOS.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private ConformanceRun() {
    }

    static Outcome run(Settings settings, Consumer<ScenarioResult> onResult) {
        List<ScenarioResult> results = new ArrayList<>();
        String aborted = null;
        for (ConformanceScenario scenario : settings.scenarios()) {
            ScenarioResult result;
            if (aborted != null) {
                result = skipped(scenario, "not run: the agent did not start");
            } else if (settings.relay() != null && scenario.needsOwnRelay()) {
                result = skipped(scenario, "not run with --relay: the scenario restarts or configures the relay");
            } else {
                long started = System.nanoTime();
                Attempt attempt = attempt(scenario, settings);
                boolean isFirst = results.isEmpty();
                if (attempt.startFailure != null && isFirst) {
                    aborted = attempt.startFailure;
                }
                result = verdict(scenario, attempt, settings.expectFail().contains(scenario.name()),
                        Duration.ofNanos(System.nanoTime() - started));
            }
            results.add(result);
            onResult.accept(result);
        }
        return new Outcome(List.copyOf(results), Optional.ofNullable(aborted));
    }

    private static ScenarioResult skipped(ConformanceScenario scenario, String why) {
        return new ScenarioResult(scenario.name(), scenario.category(), Verdict.SKIPPED, why, List.of(), "",
                Duration.ZERO);
    }

    private record Attempt(Findings findings, String measurements, String startFailure) {
    }

    private static Attempt attempt(ConformanceScenario scenario, Settings settings) {
        Findings findings = new Findings();
        String startFailure = null;
        Recording recording;
        try (Stage stage = new Stage(settings.agent(), settings.workDir().resolve(scenario.name()), settings.budget(),
                scenario.relaySetup(), settings.relay())) {
            try {
                scenario.drive(stage);
            } catch (AgentFailure e) {
                String tail = e.tail().isBlank() ? "" : "; last output: " + PeerText.oneLine(e.tail());
                findings.add(e.rule(), e.getMessage() + tail);
                if (e.atStart()) {
                    startFailure = e.getMessage() + tail;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                findings.add(Findings.SETUP, "interrupted");
            } catch (Exception e) {
                findings.add(Findings.SETUP, "the scenario could not run: " + e);
            }
            recording = stage.finish();
        } catch (IOException | RuntimeException e) {
            findings.add(Findings.SETUP, "the scenario could not be set up: " + e);
            return new Attempt(findings, "", startFailure);
        }
        if (startFailure == null) {
            try {
                scenario.judge(recording, findings);
            } catch (RuntimeException e) {
                findings.add(Findings.SETUP, "the recording could not be judged: " + e);
            }
        }
        String measured = recording.views().isEmpty() ? "" : Measurements.of(recording.views().get(0));
        return new Attempt(findings, measured, startFailure);
    }

    private static ScenarioResult verdict(ConformanceScenario scenario, Attempt attempt, boolean expectedToFail,
                                          Duration took) {
        List<Findings.Finding> found = attempt.findings().all();
        Verdict verdict;
        String evidence;
        if (found.isEmpty()) {
            verdict = expectedToFail ? Verdict.UNEXPECTED_PASS : Verdict.PASS;
            evidence = expectedToFail ? "passed although --expect-fail " + scenario.name() + " was given" : "all rules hold";
        } else {
            verdict = expectedToFail ? Verdict.EXPECTED_FAIL : Verdict.FAIL;
            evidence = found.get(0) + (found.size() > 1 ? " (+" + (found.size() - 1) + " more)" : "");
        }
        return new ScenarioResult(scenario.name(), scenario.category(), verdict, evidence, found,
                attempt.measurements(), took);
    }
}
