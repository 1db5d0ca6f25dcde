package dev.summonersim.bench;

import dev.summonersim.bench.fixture.DerivedMetrics;
import dev.summonersim.bench.report.ResultFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs benchmark classes through JMH's {@link Runner}, one class at a time so each gets its own settings, and leaves
 * {@code <Class>.json} (JMH JSON) and {@code <Class>.derived.jsonl} (side channel) in the results directory.
 */
public final class BenchSuite {

    private final Path resultsDir;
    private final RunProfile profile;
    private final PrintStream log;

    public BenchSuite(Path resultsDir, RunProfile profile, PrintStream log) {
        this.resultsDir = resultsDir;
        this.profile = profile;
        this.log = log;
    }

    /** Runs the plans; returns the names of the classes that failed (empty when all ran). */
    public List<String> run(List<BenchmarkPlan> plans) throws IOException {
        Files.createDirectories(resultsDir);
        List<String> failed = new ArrayList<>();
        for (BenchmarkPlan plan : plans) {
            log.printf("%n=== %s (%s, %s profile) ===%n", plan.simpleName(), plan.question(), profile);
            try {
                Collection<RunResult> results = runOne(plan);
                if (results.isEmpty()) {
                    failed.add(plan.simpleName());
                }
            } catch (RunnerException e) {
                log.printf("%s failed: %s%n", plan.simpleName(), e.getMessage());
                failed.add(plan.simpleName());
            }
        }
        return failed;
    }

    Collection<RunResult> runOne(BenchmarkPlan plan) throws IOException, RunnerException {
        ResultFiles files = new ResultFiles(resultsDir);
        Path json = files.jmhJson(plan.simpleName());
        Path derived = files.derivedJsonl(plan.simpleName()).toAbsolutePath();
        Files.deleteIfExists(json);
        Files.deleteIfExists(derived);
        JmhSettings s = plan.settings(profile);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(plan.includePattern())
                .forks(s.forks())
                .warmupIterations(s.warmupIterations())
                .warmupTime(TimeValue.milliseconds(s.warmupTime().toMillis()))
                .measurementIterations(s.measurementIterations())
                .measurementTime(TimeValue.milliseconds(s.measurementTime().toMillis()))
                .timeout(TimeValue.minutes(3))
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString())
                .jvmArgsAppend("-D" + DerivedMetrics.FILE_PROPERTY + "=" + derived, "-Djava.awt.headless=true");
        for (Map.Entry<String, String[]> p : s.params().entrySet()) {
            options.param(p.getKey(), p.getValue());
        }
        if (s.forks() == 0) {
            // In-process runs (smoke test) cannot receive -D through a fork; the property is this JVM's then.
            System.setProperty(DerivedMetrics.FILE_PROPERTY, derived.toString());
        }
        long start = System.nanoTime();
        Collection<RunResult> results = new Runner(options.build()).run();
        log.printf("%s: %d result(s) in %d s -> %s%n", plan.simpleName(), results.size(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), json);
        return results;
    }
}
