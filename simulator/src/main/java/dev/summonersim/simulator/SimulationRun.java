package dev.summonersim.simulator;

import dev.summonersim.agent.stream.StreamAgent;
import dev.summonersim.agent.stream.StreamAgentConfig;
import dev.summonersim.llmstub.LlmStub;
import dev.summonersim.llmstub.LlmStubConfig;
import dev.summonersim.relay.BackpressureThresholds;
import dev.summonersim.relay.RelayServer;
import dev.summonersim.relay.RelayServerConfig;
import dev.summonersim.relay.RelayStats;
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
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
        try (RelayDropLog relayLog = new RelayDropLog();
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
                        .name(name).port(relay.port())
                        .llm(l -> l.baseUrl(stub.baseUrl()).apiKey("simulation").maxRetries(0)).onlyAddressed(true)
                        .send(s -> s.mode(strategy.mode())
                                .custom(new CountingStrategy(strategy.strategy(), idle, agentSent))).build()));
            }
            for (int i = 0; i < n; i++) {
                StreamAgent agent = agents.get(i);
                agent.awaitReady(CONNECT_TIMEOUT);
                ledger.agentAddress(i, RelayFrameCodec.formatAddress(agent.localAddress()));
            }
            for (int j = 0; j < m; j++) {
                ListenerTap tap = new ListenerTap(j, ledger, meters, relayLog, j < workload.slowListeners());
                taps.add(tap);
                listeners.add(SummonerClient.builder(LISTENER_PREFIX + j).port(relay.port()).onReceive(tap)
                        .listener(tap).build().start());
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
            String driverAddress = RelayFrameCodec.formatAddress(driverClient.localAddress());
            long start = driver.start();
            long end = start + workload.duration().toNanos();
            long warmEnd = start + workload.warmUp().toNanos();
            // a listener that never stalls, for the rate of lines relayed
            ListenerTap reference = taps.get(workload.slowListeners());

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
                    linesAtWarm = reference.lines();
                }
                if (cpuAtEnd == null && now >= end) {
                    cpuAtEnd = cpu.sample();
                    idleAtEnd = idle.sum();
                    linesAtEnd = reference.lines();
                }
                if (perSecond.size() % 5 == 0) {
                    progress(now - start, ledger, meters, perSecond.get(perSecond.size() - 1), drainedAt(taps),
                            now >= end);
                }
                BitSet connected = drainedAt(taps);
                if (now >= end && (allClosed(ledger, connected) || now >= drainDeadline
                        || (quietFor(perSecond, 3) && onlyRateLimitedOpen(ledger, connected, relayLog)))) {
                    break;
                }
            }
            taps.forEach(ListenerTap::resume);
            double heapRun = heapAfterGcMb();
            long prompts = driver.promptsSent() + n;
            long agentLines = agentSent.sum() - relayLog.rateLimited();
            awaitLines(taps, driverLines, agentLines + prompts, agentLines);
            taps.forEach(ListenerTap::closing);
            driverClient.close();
            listeners.forEach(ClientHandle::close);
            taps.forEach(ListenerTap::finish);
            closeAgents(agents);
            double measured = (workload.duration().toNanos() - workload.warmUp().toNanos()) / 1e9;
            CpuSampler.Sample window = cpuAtEnd.minus(cpuAtWarm);
            double linesPerSecond = (linesAtEnd - linesAtWarm) / measured;
            SlowReceivers slow = slowReceivers(taps, relay, relayLog, ledger, driverAddress, agentLines, prompts,
                    meters);
            Deliveries deliveries = deliveries(taps, driverLines.sum(), prompts, agentLines, linesPerSecond, slow,
                    meters);
            return result(ledger, meters, driver, stub, relayLog, agentSent.sum(), measured, window,
                    (idleAtEnd - idleAtWarm) / measured, perSecond, heapWarm, heapRun, deliveries, slow,
                    neverDisconnected(taps));
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
                || taps.stream().anyMatch(t -> t.disconnects() == 0 && t.lines() < relayed))) {
            Thread.sleep(20);
        }
    }

    /** Waits until every agent's priming stream has ended at every listener. */
    private static void awaitPriming(PromptLedger ledger, int agents, int listeners) throws InterruptedException {
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        BitSet all = new BitSet();
        all.set(0, listeners);
        while (ledger.prompts().size() < agents || !allClosed(ledger, all)) {
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
                                  double linesPerSecond, SlowReceivers slow, RunMeters meters) {
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
            if (lines != relayed && !taps.get(j).droppedByRelay()) {
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
                relayed * (n + m) - slow.lostLines(), linesPerSecond, linesPerSecond * (n + m));
    }

    /**
     * Who the relay dropped as a slow receiver, and what the dropped listeners lost (explained: counted as
     * backpressure drops). A listener that lost its connection without being dropped, and an agent or the driver
     * being dropped (its prompts and answers are lost, which no accounting can follow), are violations.
     */
    static SlowReceivers slowReceivers(List<ListenerTap> taps, RelayServer relay, RelayDropLog relayLog,
                                               PromptLedger ledger, String driverAddress, long agentLines,
                                               long prompts, RunMeters meters) {
        RelayStats stats = relay.stats();
        long disconnects = stats.stallDrops() + stats.overflowDrops();
        Set<String> named = new HashSet<>(relayLog.droppedReceivers());
        List<String> dropped = new ArrayList<>();
        long lostEvents = 0;
        long lostLines = 0;
        for (ListenerTap tap : taps) {
            if (tap.droppedByRelay()) {
                dropped.add(tap.name() + " " + tap.addresses().stream().filter(relayLog::dropped).toList());
                lostEvents += agentLines - tap.events();
                lostLines += agentLines + prompts - tap.lines();
                tap.addresses().forEach(named::remove);
            } else if (tap.disconnects() > 0) {
                meters.violation(tap.name() + " lost its connection " + tap.disconnects() + " time(s) during the run "
                        + "without the relay dropping it as a slow receiver");
            }
        }
        for (String address : named) {
            Integer agent = ledger.agentAt(address);
            String who = agent != null ? AGENT_PREFIX + agent : address.equals(driverAddress) ? DRIVER_NAME : "a client";
            dropped.add(who + " [" + address + "]");
            meters.violation("the relay dropped " + who + " (" + address + ") as a slow receiver: the prompts and "
                    + "events it lost cannot be accounted for");
        }
        if (disconnects != relayLog.droppedReceivers().size()) {
            meters.violation("the relay counted " + disconnects + " slow-receiver disconnects but named "
                    + relayLog.droppedReceivers().size() + " in its log");
        }
        return new SlowReceivers(disconnects, List.copyOf(dropped), lostEvents, lostLines, stats);
    }

    private RunResult result(PromptLedger ledger, RunMeters meters, PromptDriver driver, LlmStub stub,
                             RelayDropLog relayLog, long agentSent, double measured, CpuSampler.Sample cpu,
                             double idlePerSecond, List<Long> perSecond, double heapWarm, double heapRun,
                             Deliveries deliveries, SlowReceivers slow, BitSet connected) {
        int m = workload.listeners();
        long rateLimitDrops = relayLog.rateLimited();
        int unfinishedExplained = 0;
        int completed = 0;
        int cancelled = 0;
        int errored = 0;
        int unfinished = 0;
        long expected = 0;
        for (PromptLedger.Prompt p : ledger.prompts()) {
            PromptLedger.Outcome o = p.outcome();
            expected += (long) (o.stubTokens() + 2) * m;
            if (!p.closedAt(connected) || o.terminal() == null) {
                unfinished++;
                if (relayLog.limited(ledger.addressOf(o.agent()))) {
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
        drops.put("backpressure", slow.lostEvents());
        long delivered = meters.deliveredCount();
        long unexplained = expected - delivered - cancelDrops - rateLimitDrops * m - slow.lostEvents();
        if (unexplained != 0) {
            meters.violation("accounting: " + delivered + " events delivered, expected " + expected + " minus "
                    + drops + " explained drops; " + unexplained + " unexplained");
        }
        if (unfinished > unfinishedExplained) {
            meters.violation("accounting: " + unfinished + " stream(s) did not end at every listener that stayed "
                    + "connected within the " + DRAIN_TIMEOUT.toSeconds() + " s drain");
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
                stub.streamsThatWaited(), relayConfig.workerThreads(), heapWarm, heapRun, deliveries, slow, null);
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

    private void progress(long elapsedNanos, PromptLedger ledger, RunMeters meters, long eventsLastSecond,
                          BitSet connected, boolean draining) {
        long closed = ledger.prompts().stream().filter(p -> p.closedAt(connected)).count();
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
    private static boolean onlyRateLimitedOpen(PromptLedger ledger, BitSet listeners, RelayDropLog relayLog) {
        return ledger.prompts().stream().filter(p -> !p.closedAt(listeners))
                .allMatch(p -> relayLog.limited(ledger.addressOf(p.agent)));
    }

    /** Every stream ended at each of these listeners (a listener that lost its connection may never see the end). */
    private static boolean allClosed(PromptLedger ledger, BitSet listeners) {
        return ledger.prompts().stream().allMatch(p -> p.closedAt(listeners));
    }

    /**
     * The listeners the drain waits for: not slow (a slow one reads again only after the drain, unless the relay
     * dropped it), and never disconnected (a dropped one may never see the end of a stream it was cut from).
     */
    private static BitSet drainedAt(List<ListenerTap> taps) {
        BitSet set = neverDisconnected(taps);
        for (int j = 0; j < taps.size(); j++) {
            if (taps.get(j).isSlow()) {
                set.clear(j);
            }
        }
        return set;
    }

    private static BitSet neverDisconnected(List<ListenerTap> taps) {
        BitSet connected = new BitSet();
        for (int j = 0; j < taps.size(); j++) {
            if (taps.get(j).disconnects() == 0) {
                connected.set(j);
            }
        }
        return connected;
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
