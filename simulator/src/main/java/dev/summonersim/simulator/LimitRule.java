package dev.summonersim.simulator;

import java.util.Locale;

/**
 * Which part limits a run, by this rule (stated in every report):
 * <ol>
 *   <li>the stub, when any request waited for a stream slot;</li>
 *   <li>the relay, when its event-loop threads used at least 90 % of one core each (a thread cannot use more);</li>
 *   <li>otherwise the part that used the most CPU (agents, listeners, relay, stub), with the process's share of the
 *       machine's cores alongside: near 100 % the machine is saturated and that part is the biggest consumer.</li>
 * </ol>
 */
final class LimitRule {

    static final String STATEMENT = "The limiting part is: the stub when any request waited for a stream slot; "
            + "else the relay when its event-loop threads used >= 90 % of a core each; else the part that used "
            + "the most CPU (agents, listeners, relay, stub), shown with the whole process's share of the cores.";

    private LimitRule() {
    }

    static RunResult withLimit(RunResult r) {
        return new RunResult(r.strategy(), r.agents(), r.listeners(), r.seed(), r.measuredSeconds(), r.promptsSent(),
                r.streamsCompleted(), r.streamsCancelled(), r.streamsErrored(), r.streamsUnfinished(),
                r.eventsDelivered(), r.expectedDeliveries(), r.dropsByCause(), r.unexplainedDeliveries(),
                r.violations(), r.violationsExplainedByRateLimit(), r.firstViolations(), r.rateLimitDrops(), r.latencySamples(), r.tokenLatencyP50(),
                r.tokenLatencyP99(), r.tokenLatencyMax(), r.ttftP50(), r.ttftP99(), r.latencyCdf(),
                r.promptLatenessP99(), r.cpuSeconds(), r.processCpuSeconds(), r.agentIdleWakeupsPerSecond(),
                r.eventsPerSecond(), r.stubMaxOpenStreams(), r.stubPeakOpenStreams(), r.stubRequestsThatWaited(),
                r.relayThreads(), r.heapAfterWarmUpMb(), r.heapAfterRunMb(), r.deliveries(), r.slowReceivers(), limitOf(r));
    }

    static String limitOf(RunResult r) {
        double seconds = r.measuredSeconds();
        if (r.stubRequestsThatWaited() > 0) {
            return "stub (" + r.stubRequestsThatWaited() + " requests waited for a stream slot)";
        }
        double relayCores = r.cpu(CpuSampler.Part.RELAY) / seconds;
        if (relayCores >= 0.9 * r.relayThreads()) {
            return String.format(Locale.ROOT, "relay (%.2f cores on %d event-loop threads)", relayCores,
                    r.relayThreads());
        }
        CpuSampler.Part top = CpuSampler.Part.AGENTS;
        for (CpuSampler.Part p : new CpuSampler.Part[] {CpuSampler.Part.LISTENERS, CpuSampler.Part.RELAY,
                CpuSampler.Part.STUB}) {
            if (r.cpu(p) > r.cpu(top)) {
                top = p;
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format(Locale.ROOT, "%s (%.2f cores; process %.0f %% of %d cores)",
                top.name().toLowerCase(Locale.ROOT), r.cpu(top) / seconds,
                100 * r.processCpuSeconds() / seconds / cores, cores);
    }
}
