package dev.summonersim.simulator;

import dev.summonersim.agent.stream.send.SendMode;
import dev.summonersim.llmstub.Lognormal;
import dev.summonersim.relay.RelayServerConfig;
import dev.summonersim.sdk.protocol.RelayFlavour;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code bin/simulate}: many stream agents on one relay; see simulator/README.md. */
@Command(name = "simulate", mixinStandardHelpOptions = true, version = "simulate 0.1.0", sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "One relay, one llm-stub, N stream agents (each its own client and socket, --only-addressed), M "
                + "listeners and a prompt driver, in this JVM. Prompts arrive as a seeded Poisson process, "
                + "addressed to agents chosen at random. Every listener checks every event as it arrives; every "
                + "token is timed from the stub's write to the listener's read. Writes summary.json, report.md "
                + "and PNG charts to a new folder.",
            ""},
        footer = {
            "",
            "Examples:",
            "  bin/simulate --stream-agents 20 --listeners 5 --duration 20s",
            "  bin/simulate --compare polling:10,timeout:500,blocking --duration 30s",
            "  bin/simulate --sweep-agents 10,50,100,200 --compare polling:10,timeout:500,blocking --duration 20s",
            "  bin/simulate --sweep-agents 25,50,100 --prompt-rate-per-agent 0.02 --compare polling:10,blocking",
            "",
            "Exit codes: 0 no violations, 1 violations found, 2 bad option."})
public final class SimulateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--stream-agents", paramLabel = "N", description = "stream agents (default: ${DEFAULT-VALUE})")
    int agents = 20;

    @Option(names = "--listeners", paramLabel = "M", description = "listeners (default: ${DEFAULT-VALUE})")
    int listeners = 5;

    @Option(names = "--send-mode", paramLabel = "MODE", description = "polling, timeout or blocking (default: ${DEFAULT-VALUE})")
    String sendMode = "polling";

    @Option(names = "--interval-ms", paramLabel = "N",
            description = "polling interval, or the wait limit in timeout mode (default: 10 polling, 500 timeout)")
    Long intervalMs;

    @Option(names = "--prompt-rate", paramLabel = "R", description = "prompts per second in total (default: 2)")
    Double promptRate;

    @Option(names = "--prompt-rate-per-agent", paramLabel = "R",
            description = "instead: R prompts per second per agent, so the total grows with the population of a sweep "
                    + "(and the relay's deliveries with its square)")
    Double promptRatePerAgent;

    @Option(names = "--duration", paramLabel = "D", description = "how long prompts are sent: 60s, 2m, 500ms (default: ${DEFAULT-VALUE})")
    String duration = "60s";

    @Option(names = "--warm-up", paramLabel = "D",
            description = "first part of the run not measured (default: a tenth of --duration, at most 10s)")
    String warmUp;

    @Option(names = "--ttft-ms", paramLabel = "N|MEDIAN,P95", description = "LLM time to first token (default: ${DEFAULT-VALUE})")
    String ttftMs = "400,1500";

    @Option(names = "--token-delay-ms", paramLabel = "N|MEDIAN,P95", description = "LLM delay between tokens (default: ${DEFAULT-VALUE})")
    String tokenDelayMs = "20,60";

    @Option(names = "--tokens", paramLabel = "N|MEDIAN,P95", description = "answer length in tokens (default: ${DEFAULT-VALUE})")
    String tokens = "80,300";

    @Option(names = "--flavour", paramLabel = "F", description = "relay flavour, rust or python (default: ${DEFAULT-VALUE})")
    String flavour = "rust";

    @Option(names = "--rate-limit", paramLabel = "N",
            description = "relay rate limit in lines per minute per client (default: off)")
    Integer rateLimit;

    @Option(names = "--slow-listeners", paramLabel = "K",
            description = "the first K listeners stop reading at the end of the warm-up until the relay drops them "
                    + "(or the other listeners have drained), then read on and reconnect: what they lose is counted "
                    + "as backpressure drops (default: ${DEFAULT-VALUE})")
    int slowListeners = 0;

    @Option(names = "--relay-config", paramLabel = "FILE",
            description = "run the relay with this server_config.json instead of the simulation config (port chosen at run time)")
    Path relayConfig;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the prompt process and the stub (default: random, printed)")
    Long seed;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "a new folder for the report (default: simulations/<time>-seed<seed>)")
    Path reportDir;

    @Option(names = "--compare", paramLabel = "LIST", split = ",",
            description = "run the same workload once per strategy: polling:MS, timeout:MS, blocking")
    List<String> compare;

    @Option(names = "--sweep-agents", paramLabel = "LIST", split = ",", description = "run the comparison at each population")
    List<Integer> sweep;

    @Option(names = "--latency-bound-ms", paramLabel = "MS", description = "p99 token-latency bound of the sweep's knee (default: ${DEFAULT-VALUE})")
    double boundMs = 50;

    private final PrintStream out;

    public SimulateCommand() {
        this(System.out);
    }

    SimulateCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line of {@code bin/simulate} (also {@code java -jar summoner-sim-all.jar simulate}). */
    public static CommandLine commandLine() {
        return commandLine(new SimulateCommand());
    }

    static CommandLine commandLine(SimulateCommand command) {
        CommandLine cl = new CommandLine(command).setOverwrittenOptionsAllowed(true); // the last one wins
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("simulate: " + e.getMessage());
            e.getCommandLine().getErr().println("Try 'simulate --help'");
            return 2;
        });
        return cl;
    }

    @Override
    public Integer call() throws Exception {
        Workload workload;
        List<StrategySpec> strategies;
        List<Integer> populations;
        RelayFlavour relayFlavour;
        long runSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
        Path dir;
        try {
            Duration length = duration("--duration", duration);
            Duration warm = warmUp != null ? duration("--warm-up", warmUp)
                    : Duration.ofMillis(Math.min(10_000, length.toMillis() / 10));
            if (warm.compareTo(length) >= 0) {
                throw bad("--warm-up must be shorter than --duration");
            }
            if (promptRate != null && promptRatePerAgent != null) {
                throw bad("--prompt-rate and --prompt-rate-per-agent exclude each other; give one");
            }
            if (promptRatePerAgent != null && !(promptRatePerAgent > 0)) {
                throw bad("--prompt-rate-per-agent must be a number > 0, got " + promptRatePerAgent);
            }
            workload = new Workload(agents, listeners, promptRate != null ? promptRate : 2,
                    promptRatePerAgent != null ? promptRatePerAgent : 0, length, warm, lognormal("--ttft-ms", ttftMs),
                    lognormal("--token-delay-ms", tokenDelayMs), lognormal("--tokens", tokens), runSeed,
                    slowListeners);
            strategies = strategies();
            populations = sweep == null ? List.of(agents) : List.copyOf(sweep);
            for (int n : populations) {
                if (n < 1) {
                    throw bad("--sweep-agents: populations must be at least 1, got " + n);
                }
            }
            relayFlavour = switch (flavour.toLowerCase(Locale.ROOT)) {
                case "rust" -> RelayFlavour.RUST;
                case "python" -> RelayFlavour.PYTHON;
                default -> throw bad("--flavour expects rust or python, got '" + flavour + "'");
            };
            if (rateLimit != null && rateLimit < 1) {
                throw bad("--rate-limit must be at least 1 line per minute, got " + rateLimit);
            }
            if (relayConfig != null && !Files.isRegularFile(relayConfig)) {
                throw bad("--relay-config: no such file: " + relayConfig);
            }
            // bin/simulate passes the project root, so the default folder is the project's simulations/.
            dir = reportDir != null ? reportDir : Path.of(System.getProperty("summoner.home", "."), "simulations",
                    DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
                            + "-seed" + runSeed);
            if (Files.exists(dir) && (!Files.isDirectory(dir) || Files.list(dir).findAny().isPresent())) {
                throw bad("--report-dir " + dir + " exists and is not empty; results go to a new folder");
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }

        out.println("seed " + runSeed + "; rerun with: bin/simulate " + rerunArguments(runSeed));
        double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<RunResult> runs = new ArrayList<>();
        String relayDescription = null;
        for (int n : populations) {
            Workload w = workload.withAgents(n);
            for (StrategySpec s : strategies) {
                RelayServerConfig config = relayConfig != null
                        ? RelayServerConfig.load(relayConfig).toBuilder().host("127.0.0.1").port(0).build()
                        : SimulationRun.simulationRelayConfig(n + listeners + 1, relayFlavour, rateLimit);
                relayDescription = relayConfig != null ? relayConfig.toString() : describe(config);
                RunResult r = new SimulationRun(w, s, config, out).run();
                runs.add(r);
                out.printf(Locale.ROOT, "[%s %d agents] done: %d streams, %d events, p99 %.1f ms, violations %d, "
                                + "limit %s%n", s.label(), n, r.streamsCompleted() + r.streamsCancelled(),
                        r.eventsDelivered(), r.tokenLatencyP99(), r.violations(), r.limit());
            }
        }
        double load1 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("command", "bin/simulate " + rerunArguments(runSeed));
        header.put("seed", runSeed);
        header.put("commit", commit());
        header.put("started_load_average_1m", load0);
        header.put("ended_load_average_1m", load1);
        header.put("cores", Runtime.getRuntime().availableProcessors());
        header.put("java", System.getProperty("java.version"));
        header.put("finished_utc", Instant.now().toString());
        header.put("workload", String.format(Locale.ROOT, "%s, %s duration (%s warm-up), ttft %s ms, "
                        + "token delay %s ms, %s tokens", workload.promptRatePerAgent() > 0
                        ? String.format(Locale.ROOT, "%.3g prompts/s per agent", workload.promptRatePerAgent())
                        : String.format(Locale.ROOT, "%.3g prompts/s in total", workload.promptRate()),
                workload.duration(),
                workload.warmUp(), workload.ttftMs(), workload.tokenDelayMs(), workload.tokens()));
        header.put("relay_config", relayDescription);
        SimulationReport report = new SimulationReport(header, runs, boundMs);
        report.write(dir);
        out.println("report: " + dir.resolve(SimulationReport.REPORT));
        if (populations.size() > 1) {
            report.knees().forEach((s, k) -> out.println("knee " + s + ": " + (k == null ? "none" : k + " agents")
                    + " (p99 < " + boundMs + " ms, zero violations)"));
        }
        return runs.stream().anyMatch(r -> r.violations() > 0) ? 1 : 0;
    }

    private List<StrategySpec> strategies() {
        List<StrategySpec> list = new ArrayList<>();
        if (compare != null) {
            for (String c : compare) {
                try {
                    list.add(StrategySpec.parse(c));
                } catch (IllegalArgumentException e) {
                    throw bad("--compare: " + e.getMessage());
                }
            }
            return list;
        }
        SendMode mode;
        try {
            mode = SendMode.parse(sendMode);
        } catch (IllegalArgumentException e) {
            throw bad("--send-mode: " + e.getMessage());
        }
        long ms = intervalMs != null ? intervalMs : (mode == SendMode.TIMEOUT ? 500 : 10);
        if (ms < 0) {
            throw bad("--interval-ms must be at least 0, got " + ms);
        }
        list.add(new StrategySpec(mode, mode == SendMode.BLOCKING ? 0 : ms));
        return list;
    }

    private static String describe(RelayServerConfig c) {
        return String.format(Locale.ROOT, "simulation config: %s flavour, rate limit %s, backpressure throttle %d / "
                        + "flow control %d lines (disconnect off, so no quarantine), %d event-loop thread(s)",
                c.flavour().name().toLowerCase(Locale.ROOT),
                c.rust().rateLimitPerWindow() == null ? "off" : c.rust().rateLimitPerWindow() + "/min",
                c.rust().backpressure().throttleThreshold(), c.rust().backpressure().flowControlThreshold(),
                c.workerThreads());
    }

    /** The arguments as given, with the seed pinned, so the printed command reruns the same workload. */
    private String rerunArguments(long runSeed) {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        List<String> a = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--seed") || arg.equals("--report-dir")) {
                i++;
                continue;
            }
            if (arg.startsWith("--seed=") || arg.startsWith("--report-dir=")) {
                continue;
            }
            a.add(arg);
        }
        a.add("--seed");
        a.add(Long.toString(runSeed));
        return String.join(" ", a);
    }

    private static String commit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? text : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    static Duration duration(String option, String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw bad(option + " expects a duration like 60s, 2m or 500ms, got '" + text + "'");
        }
        long v = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(v);
            case "m" -> Duration.ofMinutes(v);
            default -> Duration.ofSeconds(v);
        };
    }

    private static Lognormal lognormal(String option, String text) {
        try {
            return Lognormal.parse(text);
        } catch (IllegalArgumentException e) {
            throw bad(option + " " + e.getMessage());
        }
    }

    private static IllegalArgumentException bad(String message) {
        return new IllegalArgumentException(message);
    }
}
