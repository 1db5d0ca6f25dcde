package dev.summonersim.simulator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time per part of the simulation, all in one JVM, from per-thread CPU time grouped by thread name. Threads come
 * and go (one per LLM stream), so every thread is sampled periodically and its last value kept: a thread that ends
 * loses at most one sampling period of its CPU. Garbage collection and the JIT are in no part; {@link #sample()}
 * reports them with the process total.
 */
final class CpuSampler {

    enum Part { RELAY, STUB, AGENTS, LISTENERS, DRIVER, OTHER }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Part> partOf = new HashMap<>();
    private final Map<Long, Long> lastCpu = new HashMap<>();

    CpuSampler() {
        if (THREADS.isThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
    }

    static Part classify(String threadName) {
        if (threadName.startsWith("relay-")) {
            return Part.RELAY;
        }
        if (threadName.startsWith("qtp") || threadName.startsWith("llmstub")) {
            return Part.STUB;
        }
        if (threadName.startsWith(SimulationRun.AGENT_PREFIX) || threadName.startsWith("OkHttp")
                || threadName.startsWith("openai-")) {
            return Part.AGENTS;
        }
        if (threadName.startsWith(SimulationRun.LISTENER_PREFIX)) {
            return Part.LISTENERS;
        }
        if (threadName.startsWith(SimulationRun.DRIVER_NAME)) {
            return Part.DRIVER;
        }
        return Part.OTHER;
    }

    /** CPU seconds so far per part (threads alive now or seen before), plus the whole process. */
    synchronized Sample sample() {
        long[] ids = THREADS.getAllThreadIds();
        for (long id : ids) {
            if (!partOf.containsKey(id)) {
                ThreadInfo info = THREADS.getThreadInfo(id);
                if (info == null) {
                    continue;
                }
                partOf.put(id, classify(info.getThreadName()));
            }
            long cpu = THREADS.getThreadCpuTime(id);
            if (cpu > 0) {
                lastCpu.put(id, cpu);
            }
        }
        Map<Part, Double> seconds = new EnumMap<>(Part.class);
        for (Part p : Part.values()) {
            seconds.put(p, 0.0);
        }
        lastCpu.forEach((id, cpu) -> seconds.merge(partOf.get(id), cpu / 1e9, Double::sum));
        double process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : Double.NaN;
        return new Sample(seconds, process);
    }

    record Sample(Map<Part, Double> seconds, double processSeconds) {
        double of(Part p) {
            return seconds.get(p);
        }

        Sample minus(Sample earlier) {
            Map<Part, Double> d = new EnumMap<>(Part.class);
            seconds.forEach((p, s) -> d.put(p, s - earlier.seconds.get(p)));
            return new Sample(d, processSeconds - earlier.processSeconds);
        }
    }
}
