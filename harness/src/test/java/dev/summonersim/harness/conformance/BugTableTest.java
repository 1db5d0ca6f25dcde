package dev.summonersim.harness.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A kit that cannot fail proves nothing: the Python example with each injected bug must fail exactly the
 * (scenario, rule) pairs of the table in examples/python-stream-agent/README.md, and pass every other scenario.
 */
class BugTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)` \\|[^|]*\\| (.+) \\|$");

    /** The runs overlap, three at a time: most of a run is waiting for streams, not computing. */
    private static final int PARALLEL_RUNS = 3;
    private static final Map<String, Future<ConformanceRun.Outcome>> RUNS = new ConcurrentHashMap<>();
    private static ExecutorService pool;

    @TempDir
    static Path work;

    static Stream<String> bugs() throws IOException {
        return table().keySet().stream();
    }

    @BeforeAll
    static void runTheKitAgainstEveryBug() throws IOException {
        if (!KitInvocation.python3Available()) {
            return;
        }
        pool = Executors.newFixedThreadPool(PARALLEL_RUNS);
        for (String bug : table().keySet()) {
            // a 3 s read timeout ends the stall fault sooner than the default 5 s, and still leaves a cold stub time
            AgentUnderTest agent = new CommandAgent(KitInvocation.PYTHON_AGENT + " --bug " + bug
                    + " --llm-read-timeout-s 3", KitInvocation.repositoryRoot(), Map.of());
            RUNS.put(bug, pool.submit(() -> ConformanceRun.run(new ConformanceRun.Settings(agent,
                    ConformanceRun.SCENARIOS, Set.of(), work.resolve(bug), Duration.ofSeconds(30)), r -> { })));
        }
    }

    @AfterAll
    static void stopThePool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "--bug {0}")
    @MethodSource("bugs")
    @Timeout(300)
    void theKitFailsExactlyTheTabledPairs(String bug) throws Exception {
        assumeTrue(KitInvocation.python3Available(), "python3 is not installed: the Python example cannot run here");

        ConformanceRun.Outcome outcome = RUNS.get(bug).get();
        StringBuilder table = new StringBuilder("--bug " + bug + "\n" + ResultTable.header());
        outcome.results().forEach(r -> table.append(ResultTable.row(r)));
        System.out.print(table.append(ResultTable.levels(outcome.results())));

        Map<String, Set<String>> failed = new TreeMap<>();
        StringBuilder evidence = new StringBuilder();
        for (ScenarioResult r : outcome.results()) {
            if (!r.failedRules().isEmpty()) {
                failed.put(r.scenario(), r.failedRules().stream().sorted()
                        .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
                r.findings().forEach(f -> evidence.append(r.scenario()).append(": ").append(f).append('\n'));
            }
        }
        assertThat(failed).as("failed (scenario, rule) pairs with --bug " + bug + "\n" + evidence)
                .isEqualTo(table().get(bug));
    }

    /** bug → scenario → rules, from the README's table ("a, b: RULE, RULE; c: RULE"). */
    static Map<String, Map<String, Set<String>>> table() throws IOException {
        Path readme = KitInvocation.repositoryRoot().resolve("examples/python-stream-agent/README.md");
        Map<String, Map<String, Set<String>>> table = new LinkedHashMap<>();
        for (String line : Files.readAllLines(readme)) {
            Matcher m = ROW.matcher(line);
            if (!m.matches()) {
                continue;
            }
            Map<String, Set<String>> pairs = new TreeMap<>();
            for (String group : m.group(2).split(";")) {
                String[] scenariosAndRules = group.split(":");
                Set<String> rules = new LinkedHashSet<>();
                for (String rule : scenariosAndRules[1].split(",")) {
                    rules.add(rule.trim());
                }
                for (String scenario : scenariosAndRules[0].split(",")) {
                    pairs.put(scenario.trim(), rules.stream().sorted()
                            .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
                }
            }
            table.put(m.group(1), pairs);
        }
        assertThat(table).as("bug table rows in " + readme).hasSize(5);
        return table;
    }
}
