package dev.summonersim.bench;

import dev.summonersim.bench.report.ChartRenderer;
import dev.summonersim.bench.report.ResultFiles;
import dev.summonersim.bench.report.SuiteResults;
import dev.summonersim.bench.report.SummaryWriter;
import dev.summonersim.sdk.cli.OneLineErrors;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

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
            "  bin/bench --report-only -o benchmarks/results/<run>   (charts and SUMMARY.md from its JSON)",
            "  bin/bench --quick --update-committed                 (replace the committed results)"})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Shorter iterations and a narrower sweep (a few minutes).")
    boolean quick;

    @Option(names = "--include", paramLabel = "REGEX",
            description = "Run only benchmark classes whose simple name contains a match of REGEX.")
    Pattern include;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Directory for JSON results, charts and SUMMARY.md (default: a new folder "
                    + "<results>/<UTC date-time>/, where <results> is $BENCH_RESULTS_DIR, else benchmarks/results).")
    Path output;

    @Option(names = "--update-committed",
            description = "Write into <results> itself, replacing the committed results and charts.")
    boolean updateCommitted;

    @Option(names = "--report-only",
            description = "Do not run anything; render charts and SUMMARY.md from the JSON results in DIR "
                    + "(needs -o DIR or --update-committed).")
    boolean reportOnly;

    private static final DateTimeFormatter RUN_FOLDER = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss")
            .withZone(ZoneOffset.UTC);

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command with the project's one-line answers to bad input. */
    public static CommandLine commandLine() {
        return OneLineErrors.install(new CommandLine(new BenchCommand()));
    }

    /** Committed results change only when asked: a run goes to a fresh folder unless -o or --update-committed. */
    Path outputDirectory(Map<String, String> environment, Instant now) {
        Path results = Path.of(environment.getOrDefault("BENCH_RESULTS_DIR", "benchmarks/results"));
        if (output != null && updateCommitted) {
            throw new ParameterException(spec.commandLine(), "give either -o DIR or --update-committed, not both");
        }
        if (output != null) {
            return output;
        }
        if (updateCommitted) {
            return results;
        }
        if (reportOnly) {
            throw new ParameterException(spec.commandLine(),
                    "--report-only needs the folder of a run: -o DIR, or --update-committed for " + results);
        }
        return results.resolve(RUN_FOLDER.format(now));
    }

    private static boolean hasJsonResults(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".json"));
        }
    }

    @Override
    public Integer call() throws Exception {
        System.setProperty("java.awt.headless", "true");
        List<BenchmarkPlan> plans = BenchmarkCatalog.plans().stream()
                .filter(p -> include == null || include.matcher(p.simpleName()).find())
                .toList();
        if (plans.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--include '" + include
                    + "' matches no benchmark class (expected a part of: "
                    + BenchmarkCatalog.plans().stream().map(BenchmarkPlan::simpleName).toList() + ")");
        }
        output = outputDirectory(System.getenv(), Instant.now());
        if (reportOnly && !hasJsonResults(output)) {
            throw new ParameterException(spec.commandLine(), "--report-only: no benchmark results (*.json) in "
                    + output + " (expected the folder of an earlier bin/bench run)");
        }
        Files.createDirectories(output);
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
