package dev.summonersim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.bench.report.ChartRenderer;
import dev.summonersim.bench.report.ResultFiles;
import dev.summonersim.bench.report.SuiteResults;
import dev.summonersim.bench.report.SummaryWriter;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;

/**
 * Runs every benchmark of the catalog once, in-process, with the smallest settings (SMOKE profile), then renders
 * the report from what they wrote, so that neither the benchmarks nor the report can rot. Not a measurement.
 */
class BenchmarkSmokeTest {

    @TempDir
    Path results;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void everyBenchmarkRunsOnceAndTheReportRenders() throws Exception {
        PrintStream log = System.out;
        BenchSuite suite = new BenchSuite(results, RunProfile.SMOKE, log);
        ResultFiles files = new ResultFiles(results);
        for (BenchmarkPlan plan : BenchmarkCatalog.plans()) {
            List<RunResult> runs = List.copyOf(suite.runOne(plan));
            int combinations = plan.settings(RunProfile.SMOKE).params().values().stream()
                    .mapToInt(v -> v.length).reduce(1, (a, b) -> a * b);
            assertThat(runs).as(plan.simpleName() + " results").hasSize(combinations);
            assertThat(files.jmhJson(plan.simpleName())).as(plan.simpleName() + " JSON").isNotEmptyFile();
        }

        SuiteResults loaded = SuiteResults.load(results);
        assertThat(loaded.emission()).allSatisfy(e -> assertThat(e.eventsPerSecond()).isPositive());
        assertThat(loaded.latency()).allSatisfy(l -> assertThat(l.count()).isPositive());
        assertThat(loaded.idle()).hasSize(2).allSatisfy(i -> assertThat(i.cpuMillisPerSecond()).isNotNaN());
        assertThat(loaded.endToEnd()).allSatisfy(e -> assertThat(e.tokensPerSecond()).isPositive());
        assertThat(loaded.relay()).hasSize(4).allSatisfy(r -> {
            assertThat(r.deliveriesPerSecond()).isPositive();
            assertThat(r.lost()).isZero();
            assertThat(r.duplicates()).isZero();
        });

        List<String> charts = new ChartRenderer(results).renderAll(loaded);
        assertThat(charts).containsExactlyInAnyOrder(ChartRenderer.EMISSION, ChartRenderer.LATENCY,
                ChartRenderer.IDLE, ChartRenderer.RELAY);
        for (String chart : charts) {
            assertThat(results.resolve(chart)).isNotEmptyFile();
        }
        String summary = Files.readString(new SummaryWriter(results).write(loaded, charts));
        assertThat(summary).contains("## 1. Emission rate", "## 2. Added latency", "## 3. Idle cost",
                "## 4. End to end", "## 5. Relay throughput", "](emission-rate.png)");
    }
}
