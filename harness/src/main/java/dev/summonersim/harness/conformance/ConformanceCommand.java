package dev.summonersim.harness.conformance;

import dev.summonersim.sdk.text.PeerText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code bin/conformance}: the conformance scenarios against any stream agent, ours by default. */
@Command(name = "conformance", mixinStandardHelpOptions = true, version = "conformance 0.1.0", sortOptions = false,
        description = {
            "Runs the conformance scenarios against a Summoner stream agent. Each scenario gets a fresh relay and a "
                    + "fresh LLM stub on free ports, a client config file with the reference client_config.json keys "
                    + "(host/port set to the relay), and OPENAI_BASE_URL/OPENAI_API_BASE set to the stub with a dummy "
                    + "OPENAI_API_KEY. Verdicts come from the recorded events after the agent was stopped.",
            "",
            "Without --agent-cmd it tests our own Java stream agent in-process (a self-test that must pass).",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no scenario failed unexpectedly and at least one passed",
            "1:a scenario failed (or passed despite --expect-fail), or the agent did not start",
            "2:bad options"},
        footerHeading = "%nExamples:%n",
        footer = {"  bin/conformance",
            "  bin/conformance --agent-cmd \"python3 examples/python-stream-agent/agent.py --config {config}\"",
            "  bin/conformance --agent-cmd \"python3 agents/agent_StreamAgent_1/agent.py --config {config}\" \\",
            "      --agent-cwd ../summoner-agents --expect-fail cancellation --expect-fail self-trigger"})
public final class ConformanceCommand implements Callable<Integer> {

    @Option(names = "--agent-cmd", paramLabel = "CMD",
            description = "the agent to test, run with /bin/sh -c in its own process group (killed after each scenario); "
                    + "{config}, {host} and {port} are replaced, shell-quoted")
    String agentCommand;

    @Option(names = "--agent-cwd", paramLabel = "DIR", description = "working directory for --agent-cmd (default: here)")
    Path agentDirectory;

    @Option(names = "--agent-env", paramLabel = "K=V", description = "extra environment for --agent-cmd (repeatable)")
    List<String> agentEnvironment = new ArrayList<>();

    @Option(names = "--relay", paramLabel = "HOST:PORT",
            description = "test through this external relay (behind a recording proxy of ours) instead of our own; "
                    + "scenarios that restart or configure the relay are skipped")
    String relay;

    @Option(names = "--scenario", paramLabel = "NAME", description = "run only this scenario (repeatable; see --list)")
    List<String> scenarioNames = new ArrayList<>();

    @Option(names = "--expect-fail", paramLabel = "NAME",
            description = "a known deviation: its failure does not fail the run, but its passing does (repeatable)")
    List<String> expectFail = new ArrayList<>();

    @Option(names = "--list", description = "list the scenarios and exit")
    boolean list;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "write junit.xml and report.md here, and keep each scenario's configs, agent output and relay records")
    Path reportDirectory;

    @Option(names = "--timeout-s", paramLabel = "N", defaultValue = "30",
            description = "longest any one wait may take: the agent connecting, a stream ending (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line: bad options give one line naming the option, then a pointer to --help. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ConformanceCommand());
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("conformance: " + e.getMessage());
            err.println("Try 'conformance --help'");
            err.flush();
            return 2;
        });
        return cli;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (ConformanceScenario s : ConformanceRun.SCENARIOS) {
                out.printf("%-15s %-11s %s%n", s.name(), s.category().label(), s.summary());
            }
            out.flush();
            return 0;
        }
        List<ConformanceScenario> scenarios = new ArrayList<>();
        for (String name : scenarioNames) {
            scenarios.add(ConformanceRun.byName(name).orElseThrow(() -> badOption("--scenario", name)));
        }
        if (scenarios.isEmpty()) {
            scenarios.addAll(ConformanceRun.SCENARIOS);
        }
        Set<String> expected = new LinkedHashSet<>();
        for (String name : expectFail) {
            expected.add(ConformanceRun.byName(name).orElseThrow(() -> badOption("--expect-fail", name)).name());
        }
        if (timeoutSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--timeout-s: expected a whole number of seconds >= 1, got " + timeoutSeconds);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (String pair : agentEnvironment) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--agent-env: expected K=V, got '" + pair + "'");
            }
            environment.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        if (agentCommand == null && (agentDirectory != null || !environment.isEmpty())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--agent-cwd and --agent-env need --agent-cmd");
        }
        Path cwd = agentDirectory != null ? agentDirectory : Path.of("");
        if (agentCommand != null && !Files.isDirectory(cwd.toAbsolutePath())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--agent-cwd: not a directory: " + agentDirectory);
        }
        InetSocketAddress external = relay == null ? null : relayAddress(relay);
        AgentUnderTest agent = agentCommand == null ? new JavaStreamAgent()
                : new CommandAgent(agentCommand, cwd.toAbsolutePath(), environment);
        return run(agent, scenarios, expected, external, out);
    }

    private InetSocketAddress relayAddress(String value) {
        int colon = value.lastIndexOf(':');
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            if (colon < 1 || port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(value.substring(0, colon), port);
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--relay: expected HOST:PORT (port 1-65535), got '" + value + "'");
        }
    }

    private CommandLine.ParameterException badOption(String option, String value) {
        return new CommandLine.ParameterException(spec.commandLine(), option + ": unknown scenario '" + value
                + "' (one of: " + String.join(", ", ConformanceRun.SCENARIOS.stream().map(ConformanceScenario::name).toList())
                + ")");
    }

    private int run(AgentUnderTest agent, List<ConformanceScenario> scenarios, Set<String> expected,
                    InetSocketAddress external, PrintWriter out) {
        PrintWriter err = spec.commandLine().getErr();
        Path workDir;
        try {
            workDir = reportDirectory != null ? Files.createDirectories(reportDirectory)
                    : Files.createTempDirectory("conformance-");
        } catch (IOException e) {
            err.println("conformance: cannot create the report directory " + reportDirectory + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        out.println("conformance: " + PeerText.oneLine(agent.description()));
        out.print(ResultTable.header());
        out.flush();
        ConformanceRun.Outcome outcome = ConformanceRun.run(new ConformanceRun.Settings(agent, scenarios, expected,
                workDir, Duration.ofSeconds(timeoutSeconds), external), r -> {
                    out.print(ResultTable.row(r));
                    out.flush();
                });
        out.print(ResultTable.levels(outcome.results()));
        out.flush();
        try {
            if (reportDirectory != null) {
                ReportFiles.write(reportDirectory, agent.description(), outcome);
            } else {
                deleteTree(workDir);
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("conformance: cannot write the report to " + workDir + ": " + e.getMessage());
        }
        outcome.abortedBecause().ifPresent(why -> err.println("conformance: " + PeerText.oneLine(why)));
        err.flush();
        return outcome.passed() ? 0 : 1;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
