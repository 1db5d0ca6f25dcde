package dev.summonersim.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes a simulation's results: {@code summary.json} (machine-readable), {@code report.md} (the tables) and the
 * PNG charts, into one fresh folder.
 *
 * @param header   how the run was made: command, seed, commit, load average, machine, workload, relay config
 * @param runs     every run, in the order made (strategies within populations)
 * @param boundMs  the p99 token-latency bound of the sweep's knee
 */
record SimulationReport(Map<String, Object> header, List<RunResult> runs, double boundMs) {

    static final String SUMMARY = "summary.json";
    static final String REPORT = "report.md";

    List<Integer> populations() {
        return new ArrayList<>(new TreeSet<>(runs.stream().map(RunResult::agents).toList()));
    }

    List<String> strategies() {
        List<String> s = new ArrayList<>();
        runs.forEach(r -> {
            if (!s.contains(r.strategy())) {
                s.add(r.strategy());
            }
        });
        return s;
    }

    /** The runs at the largest population, one per strategy. */
    List<RunResult> headline() {
        int top = populations().get(populations().size() - 1);
        return runs.stream().filter(r -> r.agents() == top).toList();
    }

    /** Per strategy: the largest population whose p99 stayed under the bound with zero violations (null: none). */
    Map<String, Integer> knees() {
        Map<String, Integer> knees = new LinkedHashMap<>();
        for (String s : strategies()) {
            Integer knee = null;
            for (RunResult r : runs) {
                if (r.strategy().equals(s) && passes(r) && (knee == null || r.agents() > knee)) {
                    knee = r.agents();
                }
            }
            knees.put(s, knee);
        }
        return knees;
    }

    boolean passes(RunResult r) {
        return r.violations() == 0 && r.tokenLatencyP99() < boundMs;
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(SUMMARY).toFile(), summary());
        List<String> charts = new SimulationCharts(this).render(dir);
        Files.writeString(dir.resolve(REPORT), markdown(charts));
    }

    Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>(header);
        s.put("streams_completed", runs.stream().mapToLong(RunResult::streamsCompleted).sum());
        s.put("events_delivered", runs.stream().mapToLong(RunResult::eventsDelivered).sum());
        s.put("violations", runs.stream().mapToLong(RunResult::violations).sum());
        s.put("rate_limit_drops", runs.stream().mapToLong(RunResult::rateLimitDrops).sum());
        Map<String, Object> strategies = new LinkedHashMap<>();
        headline().forEach(r -> strategies.put(r.strategy(), runSummary(r)));
        s.put("strategies", strategies);
        if (populations().size() > 1) {
            List<Object> sweep = new ArrayList<>();
            for (int n : populations()) {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("agents", n);
                Map<String, Object> per = new LinkedHashMap<>();
                runs.stream().filter(r -> r.agents() == n).forEach(r -> per.put(r.strategy(), runSummary(r)));
                point.put("strategies", per);
                sweep.add(point);
            }
            s.put("sweep", sweep);
            Map<String, Object> knee = new LinkedHashMap<>();
            knee.put("bound_p99_token_latency_ms", boundMs);
            knee.put("largest_population", knees());
            s.put("knee", knee);
        }
        s.put("limit_rule", LimitRule.STATEMENT);
        return s;
    }

    private static Map<String, Object> runSummary(RunResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agents", r.agents());
        m.put("listeners", r.listeners());
        m.put("measured_s", r.measuredSeconds());
        m.put("prompts_sent", r.promptsSent());
        m.put("streams_completed", r.streamsCompleted());
        m.put("streams_cancelled", r.streamsCancelled());
        m.put("streams_errored", r.streamsErrored());
        m.put("streams_unfinished", r.streamsUnfinished());
        m.put("events_delivered", r.eventsDelivered());
        m.put("expected_deliveries", r.expectedDeliveries());
        m.put("drops_by_cause", r.dropsByCause());
        m.put("unexplained_deliveries", r.unexplainedDeliveries());
        m.put("violations", r.violations());
        m.put("violations_explained_by_rate_limit", r.violationsExplainedByRateLimit());
        m.put("first_violations", r.firstViolations());
        m.put("rate_limit_drops", r.rateLimitDrops());
        m.put("token_latency_ms", Map.of("p50", r.tokenLatencyP50(), "p99", r.tokenLatencyP99(),
                "max", r.tokenLatencyMax(), "samples", r.latencySamples()));
        m.put("ttft_ms", Map.of("p50", r.ttftP50(), "p99", r.ttftP99()));
        m.put("prompt_send_lateness_p99_ms", r.promptLatenessP99());
        m.put("agent_cpu_s", r.cpu(CpuSampler.Part.AGENTS));
        m.put("relay_cpu_s", r.cpu(CpuSampler.Part.RELAY));
        m.put("listener_cpu_s", r.cpu(CpuSampler.Part.LISTENERS));
        m.put("stub_cpu_s", r.cpu(CpuSampler.Part.STUB));
        m.put("cpu_s_by_part", r.cpuSeconds());
        m.put("process_cpu_s", r.processCpuSeconds());
        m.put("agent_idle_wakeups_per_s", r.agentIdleWakeupsPerSecond());
        m.put("relay_deliveries_per_s", relayDeliveriesPerSecond(r));
        m.put("stub", Map.of("max_open_streams", r.stubMaxOpenStreams(), "peak_open_streams",
                r.stubPeakOpenStreams(), "requests_that_waited", r.stubRequestsThatWaited()));
        m.put("heap_mb", Map.of("after_warm_up", r.heapAfterWarmUpMb(), "after_run", r.heapAfterRunMb()));
        m.put("limit", r.limit());
        m.put("events_per_s", r.eventsPerSecond());
        return m;
    }

    /**
     * Lines the relay wrote per second, derived: every event an agent sent reached each of the M listeners once,
     * so events sent = delivered / M, and the relay wrote each to every other client (N - 1 agents, M listeners,
     * the driver).
     */
    static double relayDeliveriesPerSecond(RunResult r) {
        double sent = (double) r.eventsDelivered() / r.listeners();
        return sent * (r.agents() + r.listeners()) / Math.max(1, r.eventsPerSecond().size());
    }

    String markdown(List<String> charts) {
        StringBuilder md = new StringBuilder("# Simulation report\n\n");
        md.append("| | |\n|---|---|\n");
        header.forEach((k, v) -> md.append("| ").append(k).append(" | `").append(v).append("` |\n"));
        md.append("\n## Results at ").append(headline().get(0).agents()).append(" agents\n\n");
        md.append(table(headline()));
        if (populations().size() > 1) {
            md.append("\n## Sweep\n\n").append(table(runs));
            md.append(String.format(Locale.ROOT, "%n**Knee** (largest population with p99 token latency under %.0f ms "
                    + "and zero violations):%n%n| strategy | largest population |%n|---|---|%n", boundMs));
            knees().forEach((s, n) -> md.append("| ").append(s).append(" | ")
                    .append(n == null ? "none of those run" : n).append(" |\n"));
        }
        md.append("\n**Limit rule.** ").append(LimitRule.STATEMENT).append("\n");
        md.append("\n**Accounting.** Expected deliveries = (tokens the stub wrote + 2) per stream x listeners. "
                + "Drops explained by cause: tokens the stub wrote that the agent never sent (cancelled or failed "
                + "streams), and lines the relay dropped for its rate limit (x listeners). Anything else is a "
                + "violation, as is every invariant-checker finding except those on streams of an agent the "
                + "relay rate-limited (counted apart as explained by the rate limit).\n");
        for (RunResult r : runs) {
            if (!r.firstViolations().isEmpty()) {
                md.append("\nFirst violations, ").append(r.strategy()).append(" at ").append(r.agents())
                        .append(" agents:\n\n");
                r.firstViolations().forEach(v -> md.append("- `").append(v.replace('`', '\'')).append("`\n"));
            }
        }
        md.append("\n## Charts\n\n");
        charts.forEach(c -> md.append("![").append(c).append("](").append(c).append(")\n\n"));
        return md.toString();
    }

    private static String table(List<RunResult> rows) {
        StringBuilder t = new StringBuilder("| strategy | agents | listeners | streams done / cancelled / unfinished "
                + "| events delivered | violations | token latency p50 / p99 / max (ms) | TTFT p50 / p99 (ms) "
                + "| agent CPU (s) | relay CPU (s) | idle wake-ups/s | heap warm-up / end (MB) | limit |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RunResult r : rows) {
            t.append(String.format(Locale.ROOT,
                    "| %s | %d | %d | %d / %d / %d | %d | %d | %.1f / %.1f / %.1f | %.0f / %.0f | %.2f | %.2f | %.0f "
                            + "| %.0f / %.0f | %s |%n",
                    r.strategy(), r.agents(), r.listeners(), r.streamsCompleted(), r.streamsCancelled(),
                    r.streamsUnfinished(), r.eventsDelivered(), r.violations(), r.tokenLatencyP50(),
                    r.tokenLatencyP99(), r.tokenLatencyMax(), r.ttftP50(), r.ttftP99(), r.cpu(CpuSampler.Part.AGENTS),
                    r.cpu(CpuSampler.Part.RELAY), r.agentIdleWakeupsPerSecond(), r.heapAfterWarmUpMb(),
                    r.heapAfterRunMb(), r.limit()));
        }
        return t.toString();
    }
}
