package dev.summonersim.simulator;

import java.util.List;
import java.util.Map;

/**
 * What one run measured (one strategy at one population). Times in ms, CPU in seconds over the measured window
 * (from the end of the warm-up to the end of the prompt schedule).
 */
record RunResult(
        String strategy,
        int agents,
        int listeners,
        long seed,
        double measuredSeconds,
        int promptsSent,
        int streamsCompleted,
        int streamsCancelled,
        int streamsErrored,
        int streamsUnfinished,
        long eventsDelivered,
        long expectedDeliveries,
        Map<String, Long> dropsByCause,
        long unexplainedDeliveries,
        long violations,
        long violationsExplainedByRateLimit,
        List<String> firstViolations,
        long rateLimitDrops,
        long latencySamples,
        double tokenLatencyP50,
        double tokenLatencyP99,
        double tokenLatencyMax,
        double ttftP50,
        double ttftP99,
        List<double[]> latencyCdf,
        double promptLatenessP99,
        Map<String, Double> cpuSeconds,
        double processCpuSeconds,
        double agentIdleWakeupsPerSecond,
        List<Long> eventsPerSecond,
        int stubMaxOpenStreams,
        int stubPeakOpenStreams,
        int stubRequestsThatWaited,
        int relayThreads,
        double heapAfterWarmUpMb,
        double heapAfterRunMb,
        Deliveries deliveries,
        SlowReceivers slowReceivers,
        String limit) {

    /** The memory target: heap after the run at most twice the heap after the warm-up (both after a full GC). */
    static final double HEAP_GROWTH_LIMIT = 2.0;

    double heapGrowth() {
        return heapAfterRunMb / heapAfterWarmUpMb;
    }

    boolean heapWithinLimit() {
        return heapAfterRunMb <= HEAP_GROWTH_LIMIT * heapAfterWarmUpMb;
    }

    double cpu(CpuSampler.Part part) {
        return cpuSeconds.getOrDefault(part.name().toLowerCase(java.util.Locale.ROOT), 0.0);
    }
}
