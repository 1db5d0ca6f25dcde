package dev.summonersim.simulator;

import dev.summonersim.agent.stream.StreamAgent;
import dev.summonersim.agent.stream.StreamAgentConfig;
import dev.summonersim.llmstub.LlmStub;
import dev.summonersim.llmstub.LlmStubConfig;
import dev.summonersim.relay.BackpressureThresholds;
import dev.summonersim.relay.RelayServer;
import dev.summonersim.relay.RelayServerConfig;
import dev.summonersim.sdk.client.ClientHandle;
import dev.summonersim.sdk.client.SummonerClient;
import dev.summonersim.sdk.protocol.RelayFlavour;
import dev.summonersim.sdk.protocol.RelayFrameCodec;
import dev.summonersim.sdk.protocol.RelayMessage;
import dev.summonersim.testkit.check.ObservedEvent;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * One simulated run: a relay, an llm-stub, N stream agents, M listeners and the prompt driver, all in this JVM
 * (one clock for the stub's writes and the listeners' reads). Starts everything, sends the prompt schedule, drains
 * the streams still running, checks the accounting and returns what it measured.
 */
final class SimulationRun {

    static final String AGENT_PREFIX = "agent-";
    static final String LISTENER_PREFIX = "listener-";
    static final String DRIVER_NAME = "driver";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LATE_LINES = Duration.ofSeconds(10);

    private final Workload workload;
    private final StrategySpec strategy;
    private final RelayServerConfig relayConfig;
    private final PrintStream console;

    SimulationRun(Workload workload, StrategySpec strategy, RelayServerConfig relayConfig, PrintStream console) {
        this.workload = workload;
        this.strategy = strategy;
        this.relayConfig = relayConfig;
        this.console = console;
    }

    /**
     * The relay configuration a simulation runs with unless told otherwise: rate limit off (or the given per-minute
     * limit), backpressure thresholds scaled to the population (a receiver may fairly be one line behind per
     * sender), no disconnect and therefore no quarantine (quarantine is per IP, Q9: on loopback one dropped client
     * would lock every client out), the reference's other values.
     */
    static RelayServerConfig simulationRelayConfig(int clients, RelayFlavour flavour, Integer rateLimitPerMinute) {
        int throttle = Math.max(100, 2 * clients);
        return RelayServerConfig.builder()
                .port(0)
                .flavour(flavour)
                .rust(r -> r.rateLimitPerWindow(rateLimitPerMinute)
                        .backpressure(new BackpressureThresholds(true, throttle, true, 3 * throttle, false, 6 * throttle)))
                .build();
    }

    RunResult run() throws InterruptedException {
        int n = workload.agents();
        int m = workload.listeners();
        PromptLedger ledger = new PromptLedger(n);
        RunMeters meters = new RunMeters();
        LongAdder idle = new LongAdder();
        LongAdder agentSent = new LongAdder();
        LongAdder driverLines = new LongAdder();
        CpuSampler cpu = new CpuSampler();
        List<StreamAgent> agents = new ArrayList<>();
        List<ClientHandle> listeners = new ArrayList<>();
        List<ListenerTap> taps = new ArrayList<>();
        ClientHandle driverClient = null;
        try (RateLimitCounter rateLimit = new RateLimitCounter();
             RelayServer relay = RelayServer.start(relayConfig);
             LlmStub stub = LlmStub.start(LlmStubConfig.builder()
                     .ttft(workload.ttftMs()).tokenDelay(workload.tokenDelayMs()).tokens(workload.tokens())
                     .seed(workload.seed())
                     // one stream per agent, plus cancelled ones the stub has not noticed yet (<= 50 ms)
                     .maxOpenStreams(n + n / 4 + 8)
                     .tokenListener(ledger).build())) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = AGENT_PREFIX + i;
                names.add(name);
                quiet(name);
                agents.add(StreamAgent.start(StreamAgentConfig.builder()
                        .name(name).port(relay.port()).llmBaseUrl(stub.baseUrl()).llmApiKey("simulation")
                        .llmMaxRetries(0).onlyAddressed(true).sendMode(strategy.mode())
                        .sendStrategy(new CountingStrategy(strategy.strategy(), idle, agentSent)).build()));
            }
            for (int i = 0; i < n; i++) {
                StreamAgent agent = agents.get(i);
                agent.awaitReady(CONNECT_TIMEOUT);
                ledger.agentAddress(i, RelayFrameCodec.formatAddress(agent.localAddress()));
            }
            for (int j = 0; j < m; j++) {
                ListenerTap tap = new ListenerTap(ledger, meters, rateLimit::limited);
                taps.add(tap);
                listeners.add(SummonerClient.builder(LISTENER_PREFIX + j).port(relay.port()).onReceive(tap).build()
                        .start());
            }
            for (ClientHandle l : listeners) {
                if (!l.awaitConnected(CONNECT_TIMEOUT)) {
                    throw new IllegalStateException("a listener did not connect within " + CONNECT_TIMEOUT.toSeconds() + " s");
                }
            }
            awaitClients(relay, n + m);

            PromptDriver driver = new PromptDriver(names, ledger, workload.promptRate(), workload.seed(),
                    workload.duration());
            driverClient = SummonerClient.builder(DRIVER_NAME).port(relay.port()).onSend(driver)
                    .onReceive(message -> {
                        if (message instanceof RelayMessage) {
                            driverLines.increment();
                        }
                    }).build().start();
            awaitPriming(ledger, n, m);
            long start = driver.start();
            long end = start + workload.duration().toNanos();
            long warmEnd = start + workload.warmUp().toNanos();

            List<Long> perSecond = new ArrayList<>();
            long lastDelivered = 0;
            long nextTick = start;
            CpuSampler.Sample cpuAtWarm = null;
            long idleAtWarm = 0;
            long linesAtWarm = 0;
            long linesAtEnd = 0;
            double heapWarm = Double.NaN;
            CpuSampler.Sample cpuAtEnd = null;
            long idleAtEnd = 0;
            long drainDeadline = end + DRAIN_TIMEOUT.toNanos();
            while (true) {
                nextTick += TimeUnit.SECONDS.toNanos(1);
                sleepUntil(nextTick);
                long now = System.nanoTime();
                long delivered = meters.deliveredCount();
                perSecond.add(delivered - lastDelivered);
                lastDelivered = delivered;
                cpu.sample();
                if (cpuAtWarm == null && now >= warmEnd) {
                    heapWarm = heapAfterGcMb();
                    meters.measureFrom(System.nanoTime());
                    cpuAtWarm = cpu.sample();
                    idleAtWarm = idle.sum();
                    linesAtWarm = meters.linesReceivedCount();
                }
                if (cpuAtEnd == null && now >= end) {
                    cpuAtEnd = cpu.sample();
                    idleAtEnd = idle.sum();
                    linesAtEnd = meters.linesReceivedCount();
                }
                if (perSecond.size() % 5 == 0) {
                    progress(now - start, ledger, meters, perSecond.get(perSecond.size() - 1), m, now >= end);
                }
                if (now >= end && (allClosed(ledger, m) || now >= drainDeadline
                        || (quietFor(perSecond, 3) && onlyRateLimitedOpen(ledger, m, rateLimit)))) {
                    break;
                }
            }
            double heapRun = heapAfterGcMb();
            long prompts = driver.promptsSent() + n;
            long agentLines = agentSent.sum() - rateLimit.dropped();
            awaitLines(taps, driverLines, agentLines + prompts, agentLines);
            driverClient.close();
            listeners.forEach(ClientHandle::close);
            taps.forEach(ListenerTap::finish);
            closeAgents(agents);
            double measured = (workload.duration().toNanos() - workload.warmUp().toNanos()) / 1e9;
            CpuSampler.Sample window = cpuAtEnd.minus(cpuAtWarm);
            double linesPerSecond = (linesAtEnd - linesAtWarm) / (double) m / measured;
            Deliveries deliveries = deliveries(taps, driverLines.sum(), prompts, agentLines, linesPerSecond, meters);
            return result(ledger, meters, driver, stub, relay, rateLimit, agentSent.sum(), measured, window,
                    (idleAtEnd - idleAtWarm) / measured, perSecond, heapWarm, heapRun, deliveries);
        } finally {
            if (driverClient != null) {
                driverClient.close();
            }
            listeners.forEach(ClientHandle::close);
            closeAgents(agents);
        }
    }

    /** Agents first, so they do not see the relay go away and start reconnecting. */
    private static void closeAgents(List<StreamAgent> agents) {
        agents.parallelStream().forEach(StreamAgent::close);
        agents.clear();
    }

    /**
     * Every stream has ended at the listeners, but the driver (and a listener, for the driver's last prompts) may not
     * have read its last lines yet: waits a little for them before the count is checked.
     */
    private static void awaitLines(List<ListenerTap> taps, LongAdder driverLines, long relayed, long agentLines)
            throws InterruptedException {
        long deadline = System.nanoTime() + LATE_LINES.toNanos();
        while (System.nanoTime() < deadline && (driverLines.sum() < agentLines
                || taps.stream().anyMatch(t -> t.lines() < relayed))) {
            Thread.sleep(20);
        }
    }

    /** Waits until every agent's priming stream has ended at every listener. */
    private static void awaitPriming(PromptLedger ledger, int agents, int listeners) throws InterruptedException {
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        while (ledger.prompts().size() < agents || !allClosed(ledger, listeners)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the agents' priming streams did not all end within "
                        + CONNECT_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    /**
     * Every listener must have received every line the relay relayed, and the driver every line but its prompts;
     * each agent receives every line but its own, which only the broadcast rule tells (agents keep no count).
     *
     * @param prompts    prompts the driver sent, priming included
     * @param agentLines the agents' lines the relay relayed (sent, minus what the rate limit dropped)
     */
    private Deliveries deliveries(List<ListenerTap> taps, long driverLines, long prompts, long agentLines,
                                  double linesPerSecond, RunMeters meters) {
        int n = workload.agents();
        int m = workload.listeners();
        long relayed = agentLines + prompts;
        long min = Long.MAX_VALUE;
        long max = 0;
        long atListeners = 0;
        for (int j = 0; j < taps.size(); j++) {
            long lines = taps.get(j).lines();
            min = Math.min(min, lines);
            max = Math.max(max, lines);
            atListeners += lines;
            if (lines != relayed) {
                meters.violation("accounting: " + LISTENER_PREFIX + j + " received " + lines + " lines, the relay "
                        + "relayed " + relayed + " (" + agentLines + " of the agents, " + prompts + " prompts)");
            }
        }
        if (driverLines != relayed - prompts) {
            meters.violation("accounting: the driver received " + driverLines + " lines, expected every line but "
                    + "its own prompts: " + (relayed - prompts));
        }
        long atAgents = n * relayed - agentLines;
        return new Deliveries(relayed, min, max, driverLines, atListeners + driverLines + atAgents,
                relayed * (n + m), linesPerSecond, linesPerSecond * (n + m));
    }

    private RunResult result(PromptLedger ledger, RunMeters meters, PromptDriver driver, LlmStub stub,
                             RelayServer relay, RateLimitCounter rateLimit, long agentSent, double measured,
                             CpuSampler.Sample cpu, double idlePerSecond, List<Long> perSecond, double heapWarm,
                             double heapRun, Deliveries deliveries) {
        int m = workload.listeners();
        long rateLimitDrops = rateLimit.dropped();
        int unfinishedExplained = 0;
        int completed = 0;
        int cancelled = 0;
        int errored = 0;
        int unfinished = 0;
        long expected = 0;
        for (PromptLedger.Prompt p : ledger.prompts()) {
            PromptLedger.Outcome o = p.outcome();
            expected += (long) (o.stubTokens() + 2) * m;
            if (o.listenersClosed() < m || o.terminal() == null) {
                unfinished++;
                if (rateLimit.limited(ledger.addressOf(o.agent()))) {
                    unfinishedExplained++;
                }
                continue;
            }
            if (o.seq() < 0) {
                continue; // a priming stream: in the accounting, not in the stream counts
            }
            switch (o.terminal()) {
                case ObservedEvent.STREAM_END -> completed++;
                case ObservedEvent.STREAM_CANCELLED -> cancelled++;
                default -> errored++;
            }
        }
        // What the stub wrote but the agents never sent: tokens after a cancellation or a failure.
        long cancelDrops = expected - agentSent * m;
        Map<String, Long> drops = new LinkedHashMap<>();
        drops.put("cancelled_or_failed_stream", cancelDrops);
        drops.put("rate_limit", rateLimitDrops * m);
        long delivered = meters.deliveredCount();
        long unexplained = expected - delivered - cancelDrops - rateLimitDrops * m;
        if (unexplained != 0) {
            meters.violation("accounting: " + delivered + " events delivered, expected " + expected + " minus "
                    + drops + " explained drops; " + unexplained + " unexplained");
        }
        if (unfinished > unfinishedExplained) {
            meters.violation("accounting: " + unfinished + " stream(s) did not end at every listener within the "
                    + DRAIN_TIMEOUT.toSeconds() + " s drain");
        }
        Histogram latency = meters.latencySoFar();
        Histogram ttft = meters.ttftSoFar();
        Map<String, Double> cpuSeconds = new LinkedHashMap<>();
        for (CpuSampler.Part part : CpuSampler.Part.values()) {
            cpuSeconds.put(part.name().toLowerCase(Locale.ROOT), cpu.of(part));
        }
        RunResult r = new RunResult(strategy.label(), workload.agents(), m, workload.seed(), measured,
                driver.promptsSent(), completed, cancelled, errored, unfinished, delivered, expected, drops,
                unexplained, meters.violationCount(), meters.explainedCount(), meters.firstViolations(), rateLimitDrops,
                latency.getTotalCount(), ms(latency, 50), ms(latency, 99), latency.getMaxValue() / 1000.0,
                ms(ttft, 50), ms(ttft, 99), cdf(latency), ms(driver.lateness(), 99), cpuSeconds,
                cpu.processSeconds(), idlePerSecond, perSecond, stub.maxOpenStreams(), stub.peakOpenStreams(),
                stub.streamsThatWaited(), relayConfig.workerThreads(), heapWarm, heapRun, deliveries, null);
        return LimitRule.withLimit(r);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    /** (percentile, ms) points of the latency distribution, for the CDF chart. */
    private static List<double[]> cdf(Histogram h) {
        List<double[]> points = new ArrayList<>();
        if (h.getTotalCount() == 0) {
            return points;
        }
        for (double p : new double[] {0, 1, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 97, 99, 99.5, 99.9, 99.99, 100}) {
            points.add(new double[] {p, h.getValueAtPercentile(p) / 1000.0});
        }
        return points;
    }

    private void progress(long elapsedNanos, PromptLedger ledger, RunMeters meters, long eventsLastSecond, int m,
                          boolean draining) {
        long closed = ledger.prompts().stream().filter(p -> p.listenersClosed() >= m).count();
        Histogram latency = meters.latencySoFar();
        console.printf(Locale.ROOT, "[%s %d agents] %5.1f s%s  streams %d/%d  events/s %d  p99 %s  violations %d%n",
                strategy.label(), workload.agents(), elapsedNanos / 1e9, draining ? " (drain)" : "", closed,
                ledger.prompts().size(), eventsLastSecond,
                latency.getTotalCount() == 0 ? "-" : String.format(Locale.ROOT, "%.1f ms", latency.getValueAtPercentile(99) / 1000.0),
                meters.violationCount());
    }

    private static boolean quietFor(List<Long> perSecond, int seconds) {
        int n = perSecond.size();
        return n >= seconds && perSecond.subList(n - seconds, n).stream().allMatch(v -> v == 0);
    }

    /** The relay's rate limit dropped a terminal event: such a stream never ends, and waiting is pointless. */
    private static boolean onlyRateLimitedOpen(PromptLedger ledger, int m, RateLimitCounter rateLimit) {
        return ledger.prompts().stream().filter(p -> p.listenersClosed() < m)
                .allMatch(p -> rateLimit.limited(ledger.addressOf(p.agent)));
    }

    private static boolean allClosed(PromptLedger ledger, int m) {
        return ledger.prompts().stream().allMatch(p -> p.listenersClosed() >= m);
    }

    private static void awaitClients(RelayServer relay, int count) throws InterruptedException {
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        while (relay.connectedClients() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the relay registered " + relay.connectedClients() + " of " + count
                        + " clients within " + CONNECT_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /** Agents log every cancellation and reconnect; at this scale that is noise on the console. */
    private static void quiet(String loggerName) {
        if (org.slf4j.LoggerFactory.getLogger(loggerName) instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    private static double heapAfterGcMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }
}
