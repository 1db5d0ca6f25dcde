package dev.summonersim.simulator;

import dev.summonersim.llmstub.StubScripts;
import dev.summonersim.sdk.client.ReceiveHandler;
import dev.summonersim.sdk.protocol.ReceivedMessage;
import dev.summonersim.sdk.protocol.RelayMessage;
import dev.summonersim.testkit.check.CheckReport;
import dev.summonersim.testkit.check.ExpectedScript;
import dev.summonersim.testkit.check.ObservedEvent;
import dev.summonersim.testkit.check.StreamInvariantChecker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One listener's receive handler. Every stream event goes through the invariant checker as it arrives: the events of
 * a stream are held only while it is open, and checked (against the tokens the stub wrote for its prompt) when its
 * terminal event arrives; of a closed stream only its first and terminal events are kept, to catch anything after
 * it. Each token is timed from the stub's write to this read, matched by stream and index.
 */
final class ListenerTap implements ReceiveHandler {

    private final PromptLedger ledger;
    private final RunMeters meters;
    private final Predicate<String> rateLimited;
    private final Map<String, OpenStream> open = new HashMap<>();
    private final Map<String, ObservedEvent[]> closed = new HashMap<>();
    private long position;
    private long lines;

    /** @param rateLimited whether the relay dropped lines of a sender for its rate limit */
    ListenerTap(PromptLedger ledger, RunMeters meters, Predicate<String> rateLimited) {
        this.ledger = ledger;
        this.meters = meters;
        this.rateLimited = rateLimited;
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

    @Override
    public synchronized void onMessage(ReceivedMessage message) {
        long now = System.nanoTime();
        if (!(message instanceof RelayMessage relay)) {
            return; // the relay's own notices
        }
        lines++;
        meters.lineReceived();
        if (!ledger.isAgent(relay.remoteAddr())) {
            return; // the driver's prompts
        }
        Optional<ObservedEvent> parsed = ObservedEvent.fromPayload(position++, relay.content());
        if (parsed.isEmpty()) {
            return;
        }
        ObservedEvent event = parsed.get();
        meters.delivered();
        String id = event.streamId();
        if (id == null) {
            violations(StreamInvariantChecker.structural().check(List.of(event)), relay.remoteAddr());
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
            stream = new OpenStream(ledger.promptOfStream(id, relay.remoteAddr()), relay.remoteAddr());
            open.put(id, stream);
        }
        stream.events.add(event);
        if (ObservedEvent.TOKEN.equals(event.type()) && stream.prompt != null) {
            int index = stream.tokens++;
            long written = stream.prompt.writeTime(index);
            if (written > 0 && written >= meters.measureFromNanos()) {
                meters.tokenLatency(now - written);
                if (index == 0) {
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
            stream.prompt.closedAtListener(stream.tokens, terminal.type());
        }
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

    synchronized int openStreams() {
        return open.size();
    }

    private void violations(CheckReport report, String sender) {
        boolean explained = rateLimited.test(sender);
        report.violations().forEach(v -> {
            if (explained) {
                meters.explainedByRateLimit(v.toString());
            } else {
                meters.violation(v.toString());
            }
        });
    }
}
