package dev.summonersim.simulator;

import dev.summonersim.agent.stream.send.SendMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * At what population polling's idle cost starts to matter, by a rule stated in every report: the smallest population
 * of the sweep at which a polling strategy's agents used at least {@link #THRESHOLD_CORES} of a core more than the
 * cheapest timeout or blocking strategy's agents at the same population (agent CPU over the measured window).
 */
final class IdleCostRule {

    /** A tenth of a core: on the 2-core machine the project is measured on, 5 % of the machine. */
    static final double THRESHOLD_CORES = 0.10;

    static final String STATEMENT = String.format(Locale.ROOT, "Polling's idle cost matters from the smallest "
            + "population at which its agents used at least %.2f of a core more than the agents of the cheapest "
            + "timeout or blocking strategy at the same population (agent CPU seconds over the measured window, "
            + "divided by its length).", THRESHOLD_CORES);

    /** One polling strategy at one population. */
    record Point(int agents, String polling, String cheapest, double excessCores, double idleWakeupsPerSecond) {
        boolean matters() {
            return excessCores >= THRESHOLD_CORES;
        }
    }

    private IdleCostRule() {
    }

    static boolean isPolling(String strategyLabel) {
        return StrategySpec.parse(strategyLabel).mode() == SendMode.POLLING;
    }

    /** Every polling strategy at every population that also ran a timeout or blocking strategy. */
    static List<Point> points(List<RunResult> runs, List<Integer> populations) {
        List<Point> points = new ArrayList<>();
        for (int n : populations) {
            List<RunResult> here = runs.stream().filter(r -> r.agents() == n).toList();
            RunResult cheapest = null;
            for (RunResult r : here) {
                if (!isPolling(r.strategy()) && (cheapest == null || agentCores(r) < agentCores(cheapest))) {
                    cheapest = r;
                }
            }
            if (cheapest == null) {
                continue;
            }
            for (RunResult r : here) {
                if (isPolling(r.strategy())) {
                    points.add(new Point(n, r.strategy(), cheapest.strategy(), agentCores(r) - agentCores(cheapest),
                            r.agentIdleWakeupsPerSecond()));
                }
            }
        }
        return points;
    }

    /** Per polling strategy: the smallest population where the cost matters, or null when none of those run. */
    static Map<String, Integer> mattersFrom(List<Point> points) {
        Map<String, Integer> from = new LinkedHashMap<>();
        for (Point p : points) {
            from.putIfAbsent(p.polling(), null);
            if (p.matters() && (from.get(p.polling()) == null || p.agents() < from.get(p.polling()))) {
                from.put(p.polling(), p.agents());
            }
        }
        return from;
    }

    static double agentCores(RunResult r) {
        return r.cpu(CpuSampler.Part.AGENTS) / r.measuredSeconds();
    }
}
