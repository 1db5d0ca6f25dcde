package dev.summonersim.harness.conformance;

import dev.summonersim.testkit.check.ObservedEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small views over a receiver's events, grouped by stream_id in order of first appearance. */
final class Streams {

    private final Map<String, List<ObservedEvent>> byId = new LinkedHashMap<>();

    private Streams(List<ObservedEvent> events) {
        for (ObservedEvent e : events) {
            if (e.streamId() != null) {
                byId.computeIfAbsent(e.streamId(), k -> new ArrayList<>()).add(e);
            }
        }
    }

    static Streams of(List<ObservedEvent> events) {
        return new Streams(events);
    }

    int count() {
        return byId.size();
    }

    List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** The first terminal event of the n-th stream (0-based), if it has one. */
    Optional<ObservedEvent> terminal(int n) {
        if (n >= byId.size()) {
            return Optional.empty();
        }
        return byId.get(ids().get(n)).stream().filter(ObservedEvent::isTerminal).findFirst();
    }

    /** Streams with a terminal event. */
    long ended() {
        return byId.values().stream().filter(events -> events.stream().anyMatch(ObservedEvent::isTerminal)).count();
    }

    List<ObservedEvent> of(int n) {
        return n < byId.size() ? List.copyOf(byId.get(ids().get(n))) : List.of();
    }

    /** Requires the n-th stream to exist and to end with {@code type}. */
    static void requireTerminal(Findings findings, String listener, Streams streams, int n, String type, String what) {
        if (n >= streams.count()) {
            findings.add(Findings.STREAM_MISSING, listener + ": " + what + " never started (" + streams.count()
                    + " streams arrived)");
            return;
        }
        Optional<ObservedEvent> terminal = streams.terminal(n);
        if (terminal.isEmpty()) {
            findings.add(Findings.STREAM_MISSING, listener + ": " + what + " " + streams.ids().get(n) + " never ended");
        } else if (!type.equals(terminal.get().type())) {
            findings.add(Findings.WRONG_TERMINAL, listener + ": " + what + " ended with " + terminal.get()
                    + ", expected " + type);
        }
    }
}
