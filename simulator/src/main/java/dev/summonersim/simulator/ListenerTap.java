package dev.summonersim.simulator;

import dev.summonersim.llmstub.StubScripts;
import dev.summonersim.sdk.client.ConnectionListener;
import dev.summonersim.sdk.client.ReceiveHandler;
import dev.summonersim.sdk.protocol.ReceivedMessage;
import dev.summonersim.sdk.protocol.RelayFrameCodec;
import dev.summonersim.sdk.protocol.RelayMessage;
import dev.summonersim.testkit.check.CheckReport;
import dev.summonersim.testkit.check.ExpectedScript;
import dev.summonersim.testkit.check.ObservedEvent;
import dev.summonersim.testkit.check.StreamInvariantChecker;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One listener's receive handler. Every stream event goes through the invariant checker as it arrives: the events of
 * a stream are held only while it is open, and checked (against the tokens the stub wrote for its prompt) when its
 * terminal event arrives; of a closed stream only its first and terminal events are kept, to catch anything after
 * it. Each token is timed from the stub's write to this read, matched by stream and index.
 *
 * <p>When the connection is lost (the relay drops a slow receiver), the streams open at that moment are cut: their
 * later events are counted but neither checked nor timed, as are streams first seen after a reconnect without their
 * start. What this listener lost is then the run's accounting's business, explained only if the relay dropped it.
 */
final class ListenerTap implements ReceiveHandler, ConnectionListener {

    private final int index;
    private final PromptLedger ledger;
    private final RunMeters meters;
    private final RelayDropLog relayLog;
    private final boolean slow;
    private final Map<String, OpenStream> open = new HashMap<>();
    private final Map<String, ObservedEvent[]> closed = new HashMap<>();
    private final Set<String> cut = new HashSet<>();
    private final List<String> addresses = new ArrayList<>();
    private volatile String address;
    private volatile boolean resumed;
    private volatile boolean stalled;
    private volatile boolean closing;
    private long position;
    private long lines;
    private long events;
    private int disconnects;

    /**
     * @param index    this listener's number, {@code listener-<index>}
     * @param relayLog whom the relay rate-limited and which receivers it dropped
     * @param slow     stops reading once the measured window starts, until the relay drops this listener or
     *                 {@link #resume()} is called, then carries on (and reconnects when dropped)
     */
    ListenerTap(int index, PromptLedger ledger, RunMeters meters, RelayDropLog relayLog, boolean slow) {
        this.index = index;
        this.ledger = ledger;
        this.meters = meters;
        this.relayLog = relayLog;
        this.slow = slow;
    }

    private static final class OpenStream {
        final PromptLedger.Prompt prompt;
        final String sender;
        final List<ObservedEvent> events = new ArrayList<>();
        int tokens;

        OpenStream(PromptLedger.Prompt prompt, String sender) {
            this.prompt = prompt;
            this.sender = sender;
        }
    }

    /** A slow listener reads again, if the relay has not dropped it yet. */
    void resume() {
        resumed = true;
    }

    boolean isSlow() {
        return slow;
    }

    @Override
    public void onConnected(InetSocketAddress local, InetSocketAddress remote) {
        String text = RelayFrameCodec.formatAddress(local);
        synchronized (this) {
            addresses.add(text);
        }
        address = text;
    }

    @Override
    public synchronized void onDisconnected(String reason) {
        if (closing) {
            return;
        }
        disconnects++;
        cut.addAll(open.keySet());
        open.clear();
    }

    @Override
    public void onMessage(ReceivedMessage message) throws InterruptedException {
        long now = System.nanoTime();
        if (slow && !stalled && now >= meters.measureFromNanos()) {
            stalled = true; // on the client's reading thread: nothing more is read from the socket meanwhile
            String current = address;
            if (current != null) {
                relayLog.awaitDropped(current, () -> resumed);
            }
        }
        receive(message, now);
    }

    private synchronized void receive(ReceivedMessage message, long now) {
        if (!(message instanceof RelayMessage relay)) {
            return; // the relay's own notices
        }
        lines++;
        if (!ledger.isAgent(relay.remoteAddr())) {
            return; // the driver's prompts
        }
        Optional<ObservedEvent> parsed = ObservedEvent.fromPayload(position++, relay.content());
        if (parsed.isEmpty()) {
            return;
        }
        ObservedEvent event = parsed.get();
        meters.delivered();
        events++;
        String id = event.streamId();
        if (id == null) {
            violations(StreamInvariantChecker.structural().check(List.of(event)), relay.remoteAddr());
            return;
        }
        if (cut.contains(id)) {
            return;
        }
        OpenStream stream = open.get(id);
        if (stream == null) {
            ObservedEvent[] ended = closed.get(id);
            if (ended != null) {
                violations(StreamInvariantChecker.structural().check(List.of(ended[0], ended[1], event)),
                        relay.remoteAddr());
                return;
            }
            if (disconnects > 0 && !ObservedEvent.STREAM_START.equals(event.type())) {
                cut.add(id); // it started while this listener was disconnected
                return;
            }
            stream = new OpenStream(ledger.promptOfStream(id, relay.remoteAddr()), relay.remoteAddr());
            open.put(id, stream);
        }
        stream.events.add(event);
        if (ObservedEvent.TOKEN.equals(event.type()) && stream.prompt != null) {
            int tokenIndex = stream.tokens++;
            long written = stream.prompt.writeTime(tokenIndex);
            if (written > 0 && written >= meters.measureFromNanos()) {
                meters.tokenLatency(now - written);
                if (tokenIndex == 0) {
                    meters.ttft(now - stream.prompt.sentNanos);
                }
            }
        }
        if (event.isTerminal()) {
            close(id, stream, event);
        }
    }

    private void close(String id, OpenStream stream, ObservedEvent terminal) {
        open.remove(id);
        closed.put(id, new ObservedEvent[] {stream.events.get(0), terminal});
        StreamInvariantChecker checker = stream.prompt == null
                ? StreamInvariantChecker.structural()
                : StreamInvariantChecker.expecting(List.of(ExpectedScript.ofTokens(
                        StubScripts.numberedTokens(stream.prompt.tokensWritten()))));
        violations(checker.check(stream.events), stream.sender);
        if (stream.prompt == null) {
            meters.violation("stream " + id + " answers no prompt the driver sent");
        } else {
            stream.prompt.closedAtListener(index, stream.tokens, terminal.type());
        }
    }

    /** The run is over: the disconnect that closing the client causes is not a loss. */
    void closing() {
        closing = true;
    }

    /** After the drain: streams that never ended are violations (missing terminal, and the tail they lack). */
    synchronized void finish() {
        for (Map.Entry<String, OpenStream> e : open.entrySet()) {
            violations(StreamInvariantChecker.structural().check(e.getValue().events), e.getValue().sender);
        }
        open.clear();
    }

    /** Every line the relay delivered to this listener (agents' events and the driver's prompts). */
    synchronized long lines() {
        return lines;
    }

    /** The agents' stream events this listener received. */
    synchronized long events() {
        return events;
    }

    /** How often its connection was lost during the run. */
    synchronized int disconnects() {
        return disconnects;
    }

    /** Whether the relay dropped this listener as a slow receiver (under any address it had). */
    synchronized boolean droppedByRelay() {
        return addresses.stream().anyMatch(relayLog::dropped);
    }

    synchronized List<String> addresses() {
        return List.copyOf(addresses);
    }

    String name() {
        return SimulationRun.LISTENER_PREFIX + index;
    }

    synchronized int openStreams() {
        return open.size();
    }

    private void violations(CheckReport report, String sender) {
        boolean explained = relayLog.limited(sender);
        report.violations().forEach(v -> {
            if (explained) {
                meters.explainedByRateLimit(v.toString());
            } else {
                meters.violation(v.toString());
            }
        });
    }
}
