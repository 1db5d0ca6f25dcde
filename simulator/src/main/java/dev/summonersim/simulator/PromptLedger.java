package dev.summonersim.simulator;

import dev.summonersim.llmstub.TokenWriteListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every prompt of a run, from the driver's send through the stub's token writes to each listener's view of the
 * stream it started. Streams are matched to prompts exactly: the relay keeps each sender's order, so the k-th
 * stream_start an agent sends answers the k-th prompt the driver addressed to it.
 */
final class PromptLedger implements TokenWriteListener {

    /** One prompt and what became of it. Written by the driver, the stub's threads and the listeners. */
    static final class Prompt {
        final int seq;
        final int agent;
        final String text;
        final long scheduledNanos;
        volatile long sentNanos;
        private long[] writes = new long[128];
        private int written;
        private boolean stubFinished;
        private boolean stubComplete;
        private int listenersClosed;
        private final BitSet closedBy = new BitSet();
        private int minTokensSeen = Integer.MAX_VALUE;
        private int maxTokensSeen;
        private String terminal;

        Prompt(int seq, int agent, String text, long scheduledNanos) {
            this.seq = seq;
            this.agent = agent;
            this.text = text;
            this.scheduledNanos = scheduledNanos;
        }

        synchronized void tokenWritten(int index, long nanoTime) {
            if (index >= writes.length) {
                writes = Arrays.copyOf(writes, Math.max(index + 1, writes.length * 2));
            }
            writes[index] = nanoTime;
            written = Math.max(written, index + 1);
        }

        /** When the stub wrote token {@code index}, or 0 when it has not (yet). */
        synchronized long writeTime(int index) {
            return index < written ? writes[index] : 0;
        }

        synchronized int tokensWritten() {
            return written;
        }

        synchronized void stubFinished(int tokens, boolean complete) {
            stubFinished = true;
            stubComplete = complete;
            written = Math.max(written, tokens);
        }

        synchronized void closedAtListener(int listener, int tokensSeen, String terminalType) {
            listenersClosed++;
            closedBy.set(listener);
            minTokensSeen = Math.min(minTokensSeen, tokensSeen);
            maxTokensSeen = Math.max(maxTokensSeen, tokensSeen);
            if (terminal == null) {
                terminal = terminalType;
            }
        }

        synchronized int listenersClosed() {
            return listenersClosed;
        }

        /** Whether the stream ended at each of these listeners. */
        synchronized boolean closedAt(BitSet listeners) {
            BitSet missing = (BitSet) listeners.clone();
            missing.andNot(closedBy);
            return missing.isEmpty();
        }

        synchronized Outcome outcome() {
            return new Outcome(seq, agent, written, stubFinished, stubComplete, listenersClosed,
                    listenersClosed == 0 ? 0 : minTokensSeen, maxTokensSeen, terminal);
        }
    }

    /** A prompt's fate at the end of a run. */
    record Outcome(int seq, int agent, int stubTokens, boolean stubFinished, boolean stubComplete,
                   int listenersClosed, int minTokensSeen, int maxTokensSeen, String terminal) {
    }

    private final Map<String, Prompt> byText = new ConcurrentHashMap<>();
    private final Map<String, Prompt> byStream = new ConcurrentHashMap<>();
    private final Map<String, Integer> agentByAddress = new ConcurrentHashMap<>();
    private final Map<Integer, String> addressByAgent = new ConcurrentHashMap<>();
    private final List<Queue<Prompt>> unansweredByAgent = new ArrayList<>();
    private final List<Prompt> all = new ArrayList<>();

    PromptLedger(int agents) {
        for (int i = 0; i < agents; i++) {
            unansweredByAgent.add(new ConcurrentLinkedQueue<>());
        }
    }

    void agentAddress(int agent, String remoteAddr) {
        agentByAddress.put(remoteAddr, agent);
        addressByAgent.put(agent, remoteAddr);
    }

    String addressOf(int agent) {
        return addressByAgent.get(agent);
    }

    /** Called by the driver before the prompt's line is written, so no stream_start can arrive before it. */
    Prompt register(int seq, int agent, String text, long scheduledNanos) {
        Prompt p = new Prompt(seq, agent, text, scheduledNanos);
        byText.put(text, p);
        synchronized (all) {
            all.add(p);
        }
        unansweredByAgent.get(agent).add(p);
        return p;
    }

    /**
     * The prompt a stream answers, fixed by the first listener that sees its stream_start (every listener sees an
     * agent's streams in the same order). Null for a stream from an unknown sender.
     */
    Prompt promptOfStream(String streamId, String senderAddr) {
        Prompt known = byStream.get(streamId);
        if (known != null) {
            return known;
        }
        return byStream.computeIfAbsent(streamId, id -> {
            Integer agent = agentByAddress.get(senderAddr);
            return agent == null ? null : unansweredByAgent.get(agent).poll();
        });
    }

    /** The agent connected from this address, or null. */
    Integer agentAt(String address) {
        return agentByAddress.get(address);
    }

    boolean isAgent(String senderAddr) {
        return agentByAddress.containsKey(senderAddr);
    }

    List<Prompt> prompts() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    @Override
    public void tokenWritten(String prompt, int index, long nanoTime) {
        Prompt p = byText.get(prompt);
        if (p != null) {
            p.tokenWritten(index, nanoTime);
        }
    }

    @Override
    public void streamFinished(String prompt, int tokensWritten, boolean complete) {
        Prompt p = byText.get(prompt);
        if (p != null) {
            p.stubFinished(tokensWritten, complete);
        }
    }
}
