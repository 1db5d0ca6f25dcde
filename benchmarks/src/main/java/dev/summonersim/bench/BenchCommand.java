package dev.summonersim.bench;

import dev.summonersim.bench.report.ChartRenderer;
import dev.summonersim.bench.report.ResultFiles;
import dev.summonersim.bench.report.SuiteResults;
import dev.summonersim.bench.report.SummaryWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line of the benchmark suite: runs JMH, then renders charts and SUMMARY.md. Wiring only. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, version = "bench 0.1.0",
        description = {
            "Runs the JMH benchmarks of the stream agent's send strategies, the sdk send",
            "loop and the relay; writes the JMH JSON results to DIR, renders PNG charts",
            "and writes DIR/SUMMARY.md with the targets next to the results.",
            "A full run takes about 20 minutes on 2 cores; --quick about 4-7 minutes and",
            "is noisier. Classes: EmissionRateBenchmark, TokenLatencyBenchmark,",
            "IdleCostBenchmark, EndToEndBenchmark, RelayThroughputBenchmark.",
            ""},
        footer = {"", "Examples:",
            "  bin/bench --quick",
            "  bin/bench --include 'Emission|Idle'",
            "  bin/bench --report-only     (charts and SUMMARY.md from existing JSON)"})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Shorter iterations and a narrower sweep (a few minutes).")
    boolean quick;

    @Option(names = "--include", paramLabel = "REGEX",
            description = "Run only benchmark classes whose simple name contains a match of REGEX.")
    Pattern include;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            defaultValue = "${env:BENCH_RESULTS_DIR:-benchmarks/results}",
            description = "Directory for JSON results, charts and SUMMARY.md (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--report-only", description = "Do not run anything; render charts and SUMMARY.md from DIR.")
    boolean reportOnly;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        System.setProperty("java.awt.headless", "true");
        List<BenchmarkPlan> plans = BenchmarkCatalog.plans().stream()
                .filter(p -> include == null || include.matcher(p.simpleName()).find())
                .toList();
        if (plans.isEmpty()) {
            System.err.println("--include '" + include + "' matches no benchmark class (expected a part of: "
                    + BenchmarkCatalog.plans().stream().map(BenchmarkPlan::simpleName).toList() + ")");
            return 2;
        }
        List<String> failed = List.of();
        if (!reportOnly) {
            RunProfile profile = quick ? RunProfile.QUICK : RunProfile.FULL;
            failed = runPlans(plans, profile);
        }
        SuiteResults results = SuiteResults.load(output);
        List<String> charts = new ChartRenderer(output).renderAll(results);
        Path summary = new SummaryWriter(output).write(results, charts);
        System.out.println("charts: " + charts + "\nsummary: " + summary);
        if (!failed.isEmpty()) {
            System.err.println("failed benchmark classes: " + failed);
            return 1;
        }
        return 0;
    }

    /** One-minute system load average, or "n/a" where the OS does not report it. */
    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", load);
    }

    private List<String> runPlans(List<BenchmarkPlan> plans, RunProfile profile) throws Exception {
        BenchSuite suite = new BenchSuite(output, profile, System.out);
        ResultFiles files = new ResultFiles(output);
        List<String> failed = new ArrayList<>();
        for (BenchmarkPlan plan : plans) {
            Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String loadAtStart = loadAverage();
            failed.addAll(suite.run(List.of(plan)));
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("profile", profile.name().toLowerCase(Locale.ROOT));
            info.put("started", started.toString());
            info.put("finished", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            info.put("load_start", loadAtStart);
            info.put("load_end", loadAverage());
            info.put("cpus", Runtime.getRuntime().availableProcessors());
            info.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            files.writeRunInfo(plan.simpleName(), info);
        }
        return failed;
    }
}
