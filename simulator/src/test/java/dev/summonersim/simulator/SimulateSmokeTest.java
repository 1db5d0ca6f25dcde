package dev.summonersim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few agents for a few seconds through the real command: one run, a comparison and a sweep. Asserts the summary's
 * schema, zero violations and non-zero counts; measures nothing (the machine may be busy).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SimulateSmokeTest {

    private static final String[] FAST = {"--listeners", "2", "--duration", "3s", "--warm-up", "500ms",
        "--ttft-ms", "20,60", "--token-delay-ms", "5,15", "--tokens", "10,30", "--seed", "7"};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private JsonNode simulate(Path dir, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of(FAST));
        if (!List.of(extra).contains("--prompt-rate-per-agent")) {
            args.addAll(List.of("--prompt-rate", "4"));
        }
        args.addAll(List.of(extra));
        args.addAll(List.of("--report-dir", dir.toString()));
        String[] a = args.toArray(String[]::new);
        int exit = SimulateCommand.commandLine(new SimulateCommand(new PrintStream(out, true, StandardCharsets.UTF_8)))
                .execute(a);
        String console = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(console).isZero();
        assertThat(console).contains("seed 7; rerun with: bin/simulate ", "--seed 7", "report: ");
        for (String f : List.of("summary.json", "report.md", "token-latency-cdf.png", "events-per-second.png",
                "cpu-vs-population.png")) {
            assertThat(dir.resolve(f)).isNotEmptyFile();
        }
        return new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    }

    private static void assertRun(JsonNode s) {
        assertThat(s.get("streams_completed").asLong() + s.get("streams_cancelled").asLong()).isPositive();
        assertThat(s.get("events_delivered").asLong()).isPositive();
        assertThat(s.get("violations").asLong()).isZero();
        assertThat(s.get("unexplained_deliveries").asLong()).isZero();
        assertThat(s.get("streams_unfinished").asLong()).isZero();
        assertThat(s.get("token_latency_ms").get("samples").asLong()).isPositive();
        for (String p : List.of("p50", "p99", "max")) {
            assertThat(s.get("token_latency_ms").get(p).asDouble()).isPositive();
        }
        assertThat(s.get("ttft_ms").get("p50").asDouble()).isPositive();
        assertThat(s.get("ttft_ms").get("p99").asDouble()).isPositive();
        assertThat(s.get("agent_cpu_s").asDouble()).isPositive();
        assertThat(s.get("relay_cpu_s").asDouble()).isPositive();
        assertThat(s.has("agent_idle_wakeups_per_s")).isTrue();
        assertThat(s.get("limit").asText()).isNotBlank();
        assertThat(s.get("drops_by_cause").has("backpressure")).isTrue();
        assertThat(s.get("backpressure_drops").asLong()).isZero();
        assertThat(s.get("dropped_receivers")).isEmpty();
        for (String key : List.of("throttled", "flow_controlled", "read_pauses", "caught_up", "stall_drops",
                "overflow_drops")) {
            assertThat(s.get("relay_backpressure").get(key).isIntegralNumber()).as(key).isTrue();
        }
        assertThat(s.get("relay_backpressure").get("stall_drops").asLong()).isZero();
        assertThat(s.get("heap_mb").get("after_run").asDouble()).isPositive();
        assertThat(s.get("heap_mb").get("growth").asDouble()).isPositive();
        assertThat(s.get("heap_mb").get("within_2x").isBoolean()).isTrue();
        // Every listener got every relayed line, the driver every line but its prompts, and each line cost
        // (clients - 1) deliveries.
        JsonNode d = s.get("deliveries");
        long relayed = d.get("lines_relayed").asLong();
        assertThat(relayed).isGreaterThan(s.get("events_delivered").asLong() / s.get("listeners").asLong());
        assertThat(d.get("listener_lines_min").asLong()).isEqualTo(relayed);
        assertThat(d.get("listener_lines_max").asLong()).isEqualTo(relayed);
        assertThat(d.get("driver_lines").asLong()).isPositive().isLessThan(relayed);
        assertThat(d.get("all_clients").asLong()).isEqualTo(d.get("all_clients_expected").asLong())
                .isEqualTo(relayed * (s.get("agents").asLong() + s.get("listeners").asLong()));
        assertThat(d.get("lines_relayed_per_s").asDouble()).isPositive();
        assertThat(d.get("all_clients_per_s").asDouble()).isPositive();
    }

    @Test
    void oneRunWritesTheSummaryWithCleanAccounting(@TempDir Path dir) throws Exception {
        JsonNode summary = simulate(dir.resolve("run"), "--stream-agents", "3");
        for (String key : List.of("streams_completed", "events_delivered", "violations", "rate_limit_drops",
                "backpressure_drops", "relay_disconnects", "lines_relayed", "deliveries_all_clients", "heap_within_2x",
                "command", "seed", "commit", "started_load_average_1m", "relay_config", "limit_rule")) {
            assertThat(summary.has(key)).as(key).isTrue();
        }
        assertThat(summary.get("lines_relayed").asLong()).isPositive();
        assertThat(summary.get("deliveries_all_clients").asLong()).isPositive();
        assertThat(summary.get("backpressure_drops").asLong()).isZero();
        assertThat(summary.get("relay_disconnects").asLong()).isZero();
        assertThat(summary.get("violations").asLong()).isZero();
        assertThat(summary.get("rate_limit_drops").asLong()).isZero();
        assertThat(summary.get("events_delivered").asLong()).isPositive();
        JsonNode run = summary.get("strategies").get("polling:10");
        assertRun(run);
        assertThat(run.get("agent_idle_wakeups_per_s").asDouble()).isPositive();
        assertThat(Files.readString(dir.resolve("run").resolve("report.md"))).contains("| polling:10 | 3 | 2 |");
    }

    @Test
    void compareAndSweepRunEveryStrategyAtEveryPopulation(@TempDir Path dir) throws Exception {
        JsonNode summary = simulate(dir.resolve("sweep"), "--sweep-agents", "2,3", "--compare",
                "polling:10,timeout:500,blocking", "--prompt-rate-per-agent", "2");
        assertThat(summary.get("strategies").size()).isEqualTo(3);
        summary.get("strategies").forEach(SimulateSmokeTest::assertRun);
        assertThat(summary.get("strategies").get("blocking").get("agent_idle_wakeups_per_s").asDouble()).isZero();
        JsonNode sweep = summary.get("sweep");
        assertThat(sweep.size()).isEqualTo(2);
        assertThat(sweep.get(0).get("agents").asInt()).isEqualTo(2);
        sweep.forEach(point -> point.get("strategies").forEach(SimulateSmokeTest::assertRun));
        assertThat(summary.get("knee").get("largest_population").size()).isEqualTo(3);
        // The same seeded workload for every strategy: the same prompts.
        assertThat(summary.get("strategies").get("polling:10").get("prompts_sent"))
                .isEqualTo(summary.get("strategies").get("blocking").get("prompts_sent"));
        // The total prompt rate grows with the population: 4 then 6 prompts/s, from the same seeded draws.
        assertThat(summary.get("workload").asText()).contains("2.00 prompts/s per agent");
        assertThat(sweep.get(1).get("strategies").get("blocking").get("prompts_sent").asInt())
                .isGreaterThan(sweep.get(0).get("strategies").get("blocking").get("prompts_sent").asInt());
        summary.get("deliveries_growth").get("strategies").forEach(e -> {
            assertThat(e.get("all_clients_exponent").isNumber()).isTrue();
            assertThat(e.get("lines_relayed_exponent").isNumber()).isTrue();
        });
        JsonNode idle = summary.get("idle_cost");
        assertThat(idle.get("rule").asText()).contains("of a core more than");
        assertThat(idle.get("points").size()).as("polling:10 at 2 and 3 agents").isEqualTo(2);
        assertThat(idle.get("points").get(0).get("cheapest_other").asText()).isIn("timeout:500", "blocking");
        assertThat(idle.get("matters_from_population").has("polling:10")).isTrue();
        assertThat(summary.get("heap_within_2x").isBoolean()).isTrue();
        assertThat(dir.resolve("sweep").resolve("deliveries-vs-population.png")).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("sweep").resolve("report.md"))).contains("## Sweep", "**Knee**",
                "## Deliveries to every client", "**Growth with the population**", "## Polling's idle cost",
                "**Memory**");
    }

    @Test
    void linesTheRateLimitDropsAreCountedAndExplained(@TempDir Path dir) throws Exception {
        // One prompt a second, 150 tokens each, 2 ms apart: an agent sends 100 lines a second (polling 10 ms) for
        // 1.5 s per answer, far over 60 lines a minute.
        JsonNode summary = simulate(dir.resolve("limited"), "--stream-agents", "2", "--rate-limit", "60",
                "--prompt-rate", "1", "--token-delay-ms", "2", "--tokens", "150");
        JsonNode run = summary.get("strategies").get("polling:10");
        assertThat(summary.get("rate_limit_drops").asLong()).isPositive();
        assertThat(run.get("drops_by_cause").get("rate_limit").asLong())
                .isEqualTo(run.get("rate_limit_drops").asLong() * run.get("listeners").asLong());
        assertThat(run.get("unexplained_deliveries").asLong()).isZero();
        assertThat(run.get("violations").asLong()).isZero();
        assertThat(run.get("events_delivered").asLong()).isLessThan(run.get("expected_deliveries").asLong());
    }
}
