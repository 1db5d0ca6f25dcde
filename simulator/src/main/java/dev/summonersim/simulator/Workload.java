package dev.summonersim.simulator;

import dev.summonersim.llmstub.Lognormal;
import java.time.Duration;
import java.util.Objects;

/**
 * What one simulated run does, apart from the send strategy: the population, the prompt process and the LLM's
 * timing. Two runs with the same workload and seed send the same prompts to the same agents at the same offsets,
 * and the stub gives each prompt the same answer with the same timing.
 *
 * @param agents      stream agents (each its own client and socket)
 * @param listeners   receive-only clients that check and time every event
 * @param promptRate  prompts per second in total (Poisson)
 * @param promptRatePerAgent when &gt; 0, {@code promptRate} is this times {@code agents}, at every population of a
 *                    sweep (so each agent gets the same share and the relay's deliveries grow with the square of the
 *                    population); 0 keeps {@code promptRate} fixed in total
 * @param duration    how long prompts are sent (the drain after it is not counted)
 * @param warmUp      the first part of the run, whose tokens and CPU are not measured
 * @param ttftMs      LLM time to first token
 * @param tokenDelayMs LLM delay between tokens
 * @param tokens      answer length in tokens
 * @param seed        seeds the prompt process and the stub
 * @param slowListeners how many of the listeners stop reading at the end of the warm-up until the relay drops them
 *                    (or the schedule ends); their losses are the relay's backpressure drops
 */
public record Workload(int agents, int listeners, double promptRate, double promptRatePerAgent, Duration duration,
                       Duration warmUp, Lognormal ttftMs, Lognormal tokenDelayMs, Lognormal tokens, long seed,
                       int slowListeners) {

    public Workload {
        if (agents < 1) {
            throw new IllegalArgumentException("--stream-agents must be at least 1, got " + agents);
        }
        if (listeners < 1) {
            throw new IllegalArgumentException("--listeners must be at least 1, got " + listeners);
        }
        if (slowListeners < 0 || slowListeners >= listeners) {
            throw new IllegalArgumentException("--slow-listeners must be at least 0 and fewer than --listeners ("
                    + listeners + "), got " + slowListeners);
        }
        if (promptRatePerAgent < 0 || Double.isNaN(promptRatePerAgent) || Double.isInfinite(promptRatePerAgent)) {
            throw new IllegalArgumentException("--prompt-rate-per-agent must be a number > 0, got " + promptRatePerAgent);
        }
        if (promptRatePerAgent > 0) {
            promptRate = promptRatePerAgent * agents;
        }
        if (!(promptRate > 0) || Double.isInfinite(promptRate)) {
            throw new IllegalArgumentException("--prompt-rate must be a number > 0, got " + promptRate);
        }
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmUp, "warmUp");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be > 0");
        }
        Objects.requireNonNull(ttftMs, "ttftMs");
        Objects.requireNonNull(tokenDelayMs, "tokenDelayMs");
        Objects.requireNonNull(tokens, "tokens");
    }

    public Workload withAgents(int n) {
        return new Workload(n, listeners, promptRate, promptRatePerAgent, duration, warmUp, ttftMs, tokenDelayMs, tokens,
                seed, slowListeners);
    }
}
