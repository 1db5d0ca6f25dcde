package dev.summonersim.harness.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.summonersim.testkit.check.EventSources;
import dev.summonersim.testkit.check.ObservedEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one scenario left behind once the agents were stopped and the relay drained: every listener's arrivals, the
 * relay's record of every frame it accepted (what each sender emitted, and to whom it went), how many requests the
 * LLM stub served, and which agents were still running at the end.
 */
final class Recording {

    /** One listener's view. */
    record View(String name, String address, List<Listener.Arrival> arrivals, List<Long> promptNanos) {

        List<ObservedEvent> events() {
            List<ObservedEvent> events = new ArrayList<>();
            arrivals.forEach(a -> a.event().ifPresent(events::add));
            return events;
        }

        List<ObservedEvent> eventsFrom(String sender) {
            List<ObservedEvent> events = new ArrayList<>();
            for (Listener.Arrival a : arrivals) {
                if (a.sender().filter(sender::equals).isPresent()) {
                    a.event().ifPresent(events::add);
                }
            }
            return events;
        }

        boolean receivedText(String prefix) {
            return arrivals.stream().anyMatch(a -> a.line().startsWith(prefix));
        }
    }

    /** One frame the relay accepted: its sender, the event inside (if any) and the receivers it was written to. */
    record Frame(String sender, Optional<ObservedEvent> event, List<String> receivers) {
    }

    private final Map<String, View> views;
    private final List<Frame> frames;
    private final int llmRequests;
    private final Map<String, Boolean> aliveAtEnd;

    private Recording(Map<String, View> views, List<Frame> frames, int llmRequests, Map<String, Boolean> aliveAtEnd) {
        this.views = views;
        this.frames = frames;
        this.llmRequests = llmRequests;
        this.aliveAtEnd = aliveAtEnd;
    }

    static Recording of(Map<String, Listener> listeners, List<Path> recordFiles, int llmRequests,
                        Map<String, Boolean> aliveAtEnd) {
        Map<String, View> views = new LinkedHashMap<>();
        listeners.forEach((name, l) -> views.put(name, new View(name, l.address(), l.arrivals(), l.promptTimes())));
        List<Frame> frames = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Path file : recordFiles) {
            if (!Files.exists(file)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode node = json.readTree(line);
                    List<String> receivers = new ArrayList<>();
                    node.path("receivers").forEach(r -> receivers.add(r.asText()));
                    Optional<ObservedEvent> event = EventSources.fromRecord(line).stream().findFirst()
                            .map(e -> new ObservedEvent(frames.size() + 1, e.type(), e.streamId(), e.token(), e.error(),
                                    e.malformation()));
                    frames.add(new Frame(node.path("sender").asText(), event, List.copyOf(receivers)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the relay record " + file, e);
            }
        }
        return new Recording(views, List.copyOf(frames), llmRequests, Map.copyOf(aliveAtEnd));
    }

    View view(String listener) {
        View view = views.get(listener);
        if (view == null) {
            throw new IllegalArgumentException("no listener named " + listener);
        }
        return view;
    }

    List<View> views() {
        return List.copyOf(views.values());
    }

    int llmRequests() {
        return llmRequests;
    }

    boolean allAgentsAliveAtEnd() {
        return !aliveAtEnd.containsValue(false);
    }

    /** The addresses that sent stream events through the relay: the agent copies, never the listeners. */
    Set<String> eventSenders() {
        Set<String> listenerAddresses = new LinkedHashSet<>();
        views.values().forEach(v -> listenerAddresses.add(v.address()));
        Set<String> senders = new LinkedHashSet<>();
        for (Frame f : frames) {
            if (f.event().isPresent() && !listenerAddresses.contains(f.sender())) {
                senders.add(f.sender());
            }
        }
        return senders;
    }

    /** The stream events {@code sender} emitted that the relay addressed to {@code receiver}, in acceptance order. */
    List<ObservedEvent> emitted(String sender, String receiver) {
        List<ObservedEvent> events = new ArrayList<>();
        for (Frame f : frames) {
            if (f.sender().equals(sender) && f.receivers().contains(receiver)) {
                f.event().ifPresent(events::add);
            }
        }
        return events;
    }

    /** Every stream event the relay accepted, in acceptance order. */
    List<ObservedEvent> allEmitted() {
        List<ObservedEvent> events = new ArrayList<>();
        frames.forEach(f -> f.event().ifPresent(events::add));
        return events;
    }
}
