package dev.summonersim.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.summonersim.relay.RelayStats;
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
        s.put("backpressure_drops", runs.stream().mapToLong(r -> r.slowReceivers().lostEvents()).sum());
        s.put("relay_disconnects", runs.stream().mapToLong(r -> r.slowReceivers().relayDisconnects()).sum());
        s.put("lines_relayed", runs.stream().mapToLong(r -> r.deliveries().linesRelayed()).sum());
        s.put("deliveries_all_clients", runs.stream().mapToLong(r -> r.deliveries().allClients()).sum());
        s.put("heap_within_2x", runs.stream().allMatch(RunResult::heapWithinLimit));
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
            s.put("deliveries_growth", growthSummary());
            s.put("idle_cost", idleCostSummary());
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
        m.put("backpressure_drops", r.slowReceivers().lostEvents());
        m.put("relay_disconnects", r.slowReceivers().relayDisconnects());
        m.put("dropped_receivers", r.slowReceivers().dropped());
        RelayStats stats = r.slowReceivers().relayStats();
        Map<String, Object> backpressure = new LinkedHashMap<>();
        backpressure.put("throttled", stats.throttled());
        backpressure.put("flow_controlled", stats.flowControlled());
        backpressure.put("read_pauses", stats.readPauses());
        backpressure.put("caught_up", stats.caughtUp());
        backpressure.put("stall_drops", stats.stallDrops());
        backpressure.put("overflow_drops", stats.overflowDrops());
        m.put("relay_backpressure", backpressure);
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
        m.put("relay_deliveries_per_s", r.deliveries().allClientsPerSecond());
        Deliveries d = r.deliveries();
        Map<String, Object> deliveries = new LinkedHashMap<>();
        deliveries.put("lines_relayed", d.linesRelayed());
        deliveries.put("listener_lines_min", d.listenerLinesMin());
        deliveries.put("listener_lines_max", d.listenerLinesMax());
        deliveries.put("driver_lines", d.driverLines());
        deliveries.put("all_clients", d.allClients());
        deliveries.put("all_clients_expected", d.allClientsExpected());
        deliveries.put("lines_relayed_per_s", d.linesPerSecond());
        deliveries.put("all_clients_per_s", d.allClientsPerSecond());
        m.put("deliveries", deliveries);
        m.put("stub", Map.of("max_open_streams", r.stubMaxOpenStreams(), "peak_open_streams",
                r.stubPeakOpenStreams(), "requests_that_waited", r.stubRequestsThatWaited()));
        Map<String, Object> heap = new LinkedHashMap<>();
        heap.put("after_warm_up", r.heapAfterWarmUpMb());
        heap.put("after_run", r.heapAfterRunMb());
        heap.put("growth", r.heapGrowth());
        heap.put("within_2x", r.heapWithinLimit());
        m.put("heap_mb", heap);
        m.put("limit", r.limit());
        m.put("events_per_s", r.eventsPerSecond());
        return m;
    }

    /** Per strategy: the exponent of deliveries to all clients (and of lines relayed) against the population. */
    Map<String, Object> growthSummary() {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("fit", "least-squares slope of log(per-second rate in the measured window) against log(agents)");
        Map<String, Object> per = new LinkedHashMap<>();
        for (String st : strategies()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("all_clients_exponent", exponent(st, d -> d.allClientsPerSecond()));
            e.put("lines_relayed_exponent", exponent(st, d -> d.linesPerSecond()));
            per.put(st, e);
        }
        g.put("strategies", per);
        return g;
    }

    double exponent(String strategy, java.util.function.ToDoubleFunction<Deliveries> rate) {
        return GrowthExponent.fit(runs.stream().filter(r -> r.strategy().equals(strategy))
                .map(r -> new double[] {r.agents(), rate.applyAsDouble(r.deliveries())}).toList());
    }

    private Map<String, Object> idleCostSummary() {
        List<IdleCostRule.Point> points = IdleCostRule.points(runs, populations());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("rule", IdleCostRule.STATEMENT);
        c.put("threshold_cores", IdleCostRule.THRESHOLD_CORES);
        c.put("matters_from_population", IdleCostRule.mattersFrom(points));
        List<Object> list = new ArrayList<>();
        for (IdleCostRule.Point p : points) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("agents", p.agents());
            e.put("polling", p.polling());
            e.put("cheapest_other", p.cheapest());
            e.put("excess_agent_cores", p.excessCores());
            e.put("idle_wakeups_per_s", p.idleWakeupsPerSecond());
            e.put("matters", p.matters());
            list.add(e);
        }
        c.put("points", list);
        return c;
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
        md.append(dropsSection());
        md.append(deliveriesSection());
        if (populations().size() > 1) {
            md.append(idleCostSection());
        }
        md.append(memorySection());
        md.append("\n**Limit rule.** ").append(LimitRule.STATEMENT).append("\n");
        md.append("\n**Accounting.** Expected deliveries = (tokens the stub wrote + 2) per stream x listeners. "
                + "Drops explained by cause: tokens the stub wrote that the agent never sent (cancelled or failed "
                + "streams), lines the relay dropped for its rate limit (x listeners), and the events a listener "
                + "did not receive because the relay disconnected it as a slow receiver (backpressure: the lines "
                + "queued for it and those relayed while it reconnected; its streams cut by the disconnect are "
                + "not checked). Anything else is a violation, as is a listener losing its connection without "
                + "the relay dropping it, the relay dropping an agent or the driver, and every invariant-checker "
                + "finding except those on streams of an agent the relay rate-limited (counted apart as explained "
                + "by the rate limit).\n");
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

    private String dropsSection() {
        StringBuilder md = new StringBuilder("\n## Drops by cause\n\nEvents the listeners did not receive, each "
                + "explained by a cause (see **Accounting** below); unexplained ones are violations.\n\n");
        List<String> causes = new ArrayList<>();
        runs.forEach(r -> r.dropsByCause().keySet().forEach(c -> {
            if (!causes.contains(c)) {
                causes.add(c);
            }
        }));
        md.append("| strategy | agents | expected | delivered | ").append(String.join(" | ", causes))
                .append(" | unexplained | relay disconnects | dropped receivers | relay throttle / flow-control "
                        + "episodes |\n|---|---|---|---|")
                .append("---|".repeat(causes.size())).append("---|---|---|---|\n");
        for (RunResult r : runs) {
            md.append("| ").append(r.strategy()).append(" | ").append(r.agents()).append(" | ")
                    .append(r.expectedDeliveries()).append(" | ").append(r.eventsDelivered()).append(" | ");
            causes.forEach(c -> md.append(r.dropsByCause().getOrDefault(c, 0L)).append(" | "));
            md.append(r.unexplainedDeliveries()).append(" | ").append(r.slowReceivers().relayDisconnects())
                    .append(" | ").append(r.slowReceivers().dropped().isEmpty() ? "none"
                            : String.join(", ", r.slowReceivers().dropped())).append(" | ")
                    .append(r.slowReceivers().relayStats().throttled()).append(" / ")
                    .append(r.slowReceivers().relayStats().flowControlled()).append(" |\n");
        }
        return md.toString();
    }

    private String deliveriesSection() {
        StringBuilder md = new StringBuilder("\n## Deliveries to every client\n\n");
        md.append("The relay has no addressing: each line goes to every client but its sender (N agents, M listeners, "
                + "the driver), so each line relayed costs N + M deliveries. Lines relayed are counted at every "
                + "listener (each must get every line) and at the driver; the agents' share follows the same rule "
                + "(the agents keep no count and the relay exposes none). Rates are per second of the measured "
                + "window.\n\n");
        md.append("| strategy | agents | clients | lines relayed (run) | deliveries to all clients (run) / expected "
                + "| lines relayed/s | deliveries to all clients/s | listener events delivered (run) |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (RunResult r : runs) {
            Deliveries d = r.deliveries();
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d / %d | %.0f | %.0f | %d |%n", r.strategy(),
                    r.agents(), r.agents() + r.listeners() + 1, d.linesRelayed(), d.allClients(),
                    d.allClientsExpected(), d.linesPerSecond(), d.allClientsPerSecond(), r.eventsDelivered()));
        }
        if (populations().size() > 1) {
            md.append("\n**Growth with the population** (least-squares slope of log rate against log agents; 1 is "
                    + "linear, 2 the square):\n\n| strategy | deliveries to all clients | lines relayed |\n"
                    + "|---|---|---|\n");
            for (String st : strategies()) {
                md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n", st,
                        exponent(st, Deliveries::allClientsPerSecond), exponent(st, Deliveries::linesPerSecond)));
            }
        }
        return md.toString();
    }

    private String idleCostSection() {
        List<IdleCostRule.Point> points = IdleCostRule.points(runs, populations());
        StringBuilder md = new StringBuilder("\n## Polling's idle cost\n\n");
        md.append("**Rule.** ").append(IdleCostRule.STATEMENT).append("\n\n");
        if (points.isEmpty()) {
            return md.append("Not computed: the comparison needs a polling and a timeout or blocking strategy.\n")
                    .toString();
        }
        md.append("| polling strategy | agents | cheapest other | extra agent CPU (cores) | idle wake-ups/s | "
                + "matters |\n|---|---|---|---|---|---|\n");
        for (IdleCostRule.Point p : points) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %+.3f | %.0f | %s |%n", p.polling(), p.agents(),
                    p.cheapest(), p.excessCores(), p.idleWakeupsPerSecond(), p.matters() ? "yes" : "no"));
        }
        md.append("\n");
        IdleCostRule.mattersFrom(points).forEach((st, n) -> md.append("- ").append(st).append(": ")
                .append(n == null ? "does not matter at any population run" : "matters from " + n + " agents")
                .append("\n"));
        return md.toString();
    }

    private String memorySection() {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%n**Memory** (target: heap after the run "
                + "within %.0fx of heap after the warm-up, both after a full GC, at the same population): ",
                RunResult.HEAP_GROWTH_LIMIT));
        List<RunResult> failed = runs.stream().filter(r -> !r.heapWithinLimit()).toList();
        if (failed.isEmpty()) {
            double worst = runs.stream().mapToDouble(RunResult::heapGrowth).max().orElse(Double.NaN);
            return md.append(String.format(Locale.ROOT, "pass in every run (largest growth %.2fx).%n", worst))
                    .toString();
        }
        md.append("FAIL in ");
        md.append(String.join(", ", failed.stream().map(r -> String.format(Locale.ROOT, "%s at %d agents (%.0f -> "
                + "%.0f MB)", r.strategy(), r.agents(), r.heapAfterWarmUpMb(), r.heapAfterRunMb())).toList()));
        return md.append(".\n").toString();
    }

    private static String table(List<RunResult> rows) {
        StringBuilder t = new StringBuilder("| strategy | agents | listeners | streams done / cancelled / unfinished "
                + "| events delivered | violations | token latency p50 / p99 / max (ms) | TTFT p50 / p99 (ms) "
                + "| agent CPU (s) | relay CPU (s) | idle wake-ups/s | heap warm-up / end (MB), within 2x | limit |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RunResult r : rows) {
            t.append(String.format(Locale.ROOT,
                    "| %s | %d | %d | %d / %d / %d | %d | %d | %.1f / %.1f / %.1f | %.0f / %.0f | %.2f | %.2f | %.0f "
                            + "| %.0f / %.0f (%.2fx, %s) | %s |%n",
                    r.strategy(), r.agents(), r.listeners(), r.streamsCompleted(), r.streamsCancelled(),
                    r.streamsUnfinished(), r.eventsDelivered(), r.violations(), r.tokenLatencyP50(),
                    r.tokenLatencyP99(), r.tokenLatencyMax(), r.ttftP50(), r.ttftP99(), r.cpu(CpuSampler.Part.AGENTS),
                    r.cpu(CpuSampler.Part.RELAY), r.agentIdleWakeupsPerSecond(), r.heapAfterWarmUpMb(),
                    r.heapAfterRunMb(), r.heapGrowth(), r.heapWithinLimit() ? "pass" : "FAIL", r.limit()));
        }
        return t.toString();
    }
}
