package dev.summonersim.simulator;

import dev.summonersim.sdk.client.SendHandler;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The one client that sends prompts: a Poisson process of {@code rate} prompts per second in total, each addressed
 * ({@code {"to": name, "prompt": text}}) to an agent chosen at random. The schedule (gaps and agents) is drawn from
 * the seed alone, so every strategy of a comparison gets the same prompts at the same offsets.
 */
final class PromptDriver implements SendHandler {

    private final List<String> agentNames;
    private final PromptLedger ledger;
    private final double ratePerNano;
    private final Random random;
    private final Histogram lateness = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    private final Duration length;
    private final CountDownLatch go = new CountDownLatch(1);
    private volatile long startNanos;
    private long endNanos;
    private long nextAt;
    private int primed;
    private int seq;

    /**
     * @param length how long the schedule runs once {@link #start()} is called; before that, the driver sends each
     *               agent one short priming prompt (so no agent's first, cold request falls in the measurement)
     */
    PromptDriver(List<String> agentNames, PromptLedger ledger, double promptsPerSecond, long seed, Duration length) {
        this.agentNames = agentNames;
        this.ledger = ledger;
        this.ratePerNano = promptsPerSecond / 1e9;
        this.length = length;
        this.random = new Random(seed);
    }

    /** Starts the schedule now; returns when it started (nanoTime). */
    long start() {
        startNanos = System.nanoTime();
        go.countDown();
        return startNanos;
    }

    private long gap() {
        return (long) (-Math.log(1 - random.nextDouble()) / ratePerNano);
    }

    @Override
    public Object nextPayload() throws InterruptedException {
        if (primed < agentNames.size()) {
            int agent = primed++;
            String text = "warm-up " + agent + " " + PRIMING_DIRECTIVE;
            PromptLedger.Prompt prompt = ledger.register(-agent - 1, agent, text, System.nanoTime());
            prompt.sentNanos = System.nanoTime();
            return payload(agent, text);
        }
        if (startNanos == 0) {
            go.await();
            endNanos = startNanos + length.toNanos();
            nextAt = startNanos + gap();
        }
        if (nextAt >= endNanos) {
            Thread.sleep(1000); // done: nothing more to send, and nothing to spin on
            return null;
        }
        long wait;
        while ((wait = nextAt - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        int agent = random.nextInt(agentNames.size());
        String text = "sim prompt " + (++seq);
        long now = System.nanoTime();
        synchronized (lateness) {
            lateness.recordValue(Math.min(lateness.getHighestTrackableValue(), (now - nextAt) / 1000));
        }
        PromptLedger.Prompt prompt = ledger.register(seq, agent, text, nextAt);
        prompt.sentNanos = now;
        nextAt += gap();
        return payload(agent, text);
    }

    private Map<String, Object> payload(int agent, String text) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("to", agentNames.get(agent));
        payload.put("prompt", text);
        return payload;
    }

    /** A priming prompt's answer: three tokens, at once (the stub's directive). */
    static final String PRIMING_DIRECTIVE = "#stub:tokens=3 #stub:ttft=0 #stub:delay=1";

    int promptsSent() {
        synchronized (lateness) {
            return seq;
        }
    }

    /** How late prompts left against their schedule, in µs. */
    Histogram lateness() {
        synchronized (lateness) {
            return lateness.copy();
        }
    }
}
