package dev.summonersim.harness.conformance;

import dev.summonersim.testkit.check.ObservedEvent;
import dev.summonersim.llmstub.StubScripts;

import java.util.List;

/** Two listeners (the one who asked and a bystander) see the identical, complete sequence. */
final class FanOutScenario implements ConformanceScenario {

    private static final String PROMPT = "How are you?";

    @Override
    public String name() {
        return "fan-out";
    }

    @Override
    public Category category() {
        return Category.CORE;
    }

    @Override
    public String summary() {
        return "two listeners see the identical complete sequence";
    }

    @Override
    public void drive(Stage stage) throws Exception {
        stage.startAgent("agent");
        Listener user = stage.listener("user");
        Listener bystander = stage.listener("bystander");
        user.send(PROMPT);
        stage.await(() -> user.terminals() >= 1 && bystander.terminals() >= 1);
    }

    @Override
    public void judge(Recording recording, Findings findings) {
        List<ObservedEvent> first = null;
        for (Recording.View view : recording.views()) {
            findings.checkStreams(view.name(), view.events(), List.of(StubScripts.tokensFor(PROMPT)));
            Streams.requireTerminal(findings, view.name(), Streams.of(view.events()), 0, ObservedEvent.STREAM_END,
                    "the stream");
            findings.compareDelivery(recording, view);
            List<ObservedEvent> events = view.events().stream()
                    .map(e -> new ObservedEvent(0, e.type(), e.streamId(), e.token(), e.error(), e.malformation()))
                    .toList();
            if (first == null) {
                first = events;
            } else if (!first.equals(events)) {
                findings.add(Findings.VIEWS_DIFFER, "user saw " + first.size() + " events, " + view.name() + " saw "
                        + events.size() + (first.size() == events.size() ? " (same count, different content or order)" : ""));
            }
        }
    }
}
